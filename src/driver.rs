//! (placeholder: compile pipeline; owned by the lead)
