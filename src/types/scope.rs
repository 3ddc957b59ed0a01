//! The checker's stack of local block scopes, indexed by name.
//!
//! A plain stack of per-block maps makes every lookup walk all enclosing blocks, which is
//! quadratic for deeply nested code (10^4 `else if` links or nested blocks). Here each name maps
//! to the stack of its visible declarations (innermost last, tagged with the scope's level), and
//! each scope remembers the names it declared so that leaving it pops exactly those: lookup, declare
//! and leave all cost O(1) per name.

use std::collections::HashMap;

use super::info::ObjId;

/// Local scopes (empty at package level). `Default` is the empty stack.
#[derive(Default)]
pub struct Scopes {
    /// For each open scope, the names it declares (in declaration order).
    declared: Vec<Vec<String>>,
    /// For each name, its declarations in open scopes: `(scope level, object)`, innermost last.
    visible: HashMap<String, Vec<(u32, ObjId)>>,
}

impl Scopes {
    /// Opens a new innermost scope.
    pub fn push(&mut self) {
        self.declared.push(Vec::new());
    }

    /// Closes the innermost scope, hiding what it declared.
    pub fn pop(&mut self) {
        let Some(names) = self.declared.pop() else { return };
        for name in names {
            if let Some(stack) = self.visible.get_mut(&name) {
                stack.pop();
                if stack.is_empty() {
                    self.visible.remove(&name);
                }
            }
        }
    }

    /// The innermost visible local declaration of `name`.
    pub fn lookup(&self, name: &str) -> Option<ObjId> {
        self.visible.get(name).and_then(|s| s.last()).map(|&(_, o)| o)
    }

    /// The declaration of `name` in the innermost scope itself, if any.
    pub fn innermost(&self, name: &str) -> Option<ObjId> {
        let level = self.level()?;
        self.visible.get(name).and_then(|s| s.last()).filter(|&&(l, _)| l == level).map(|&(_, o)| o)
    }

    /// Declares `name` as `obj` in the innermost scope (replacing a declaration of the same name in
    /// that scope). Panics if no scope is open (a checker bug).
    pub fn insert(&mut self, name: &str, obj: ObjId) {
        let level = self.level().expect("local scope");
        let stack = self.visible.entry(name.to_string()).or_default();
        match stack.last_mut() {
            Some(top) if top.0 == level => top.1 = obj,
            _ => {
                stack.push((level, obj));
                self.declared.last_mut().expect("local scope").push(name.to_string());
            }
        }
    }

    /// The innermost scope's declarations, in declaration order.
    pub fn innermost_entries(&self) -> Vec<(String, ObjId)> {
        let Some(names) = self.declared.last() else { return Vec::new() };
        names.iter().filter_map(|n| self.innermost(n).map(|o| (n.clone(), o))).collect()
    }

    fn level(&self) -> Option<u32> {
        self.declared.len().checked_sub(1).map(|l| l as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cranelift_entity::EntityRef;

    #[test]
    fn shadowing_and_leaving() {
        let (a, b, c) = (ObjId::new(1), ObjId::new(2), ObjId::new(3));
        let mut s = Scopes::default();
        s.push();
        s.insert("x", a);
        s.push();
        assert_eq!(s.lookup("x"), Some(a));
        assert_eq!(s.innermost("x"), None);
        s.insert("x", b);
        s.insert("y", c);
        assert_eq!((s.lookup("x"), s.innermost("x")), (Some(b), Some(b)));
        s.insert("x", c);
        assert_eq!(s.lookup("x"), Some(c));
        s.pop();
        assert_eq!((s.lookup("x"), s.lookup("y")), (Some(a), None));
        s.pop();
        assert!(s.lookup("x").is_none() && s.declared.is_empty() && s.visible.is_empty());
    }
}
