package x

var V = 1
