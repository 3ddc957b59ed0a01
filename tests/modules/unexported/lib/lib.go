package lib

var secret = 1
