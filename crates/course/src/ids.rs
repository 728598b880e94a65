//! Every exercise's id, written once. They key the progress store, the pupils' files, the answer
//! key and the worksheets: changing one loses the pupils' results for that exercise.

pub const L1_E1: &str = "l1.e1";
pub const L1_E2: &str = "l1.e2";
pub const L1_E3: &str = "l1.e3";
pub const L1_E4: &str = "l1.e4";
pub const L1_E5: &str = "l1.e5";
pub const L1_E6: &str = "l1.e6";
pub const L1_E7: &str = "l1.e7";

pub const L2_E1: &str = "l2.e1";
pub const L2_E2: &str = "l2.e2";
pub const L2_E3: &str = "l2.e3";
pub const L2_E4: &str = "l2.e4";
pub const L2_E5: &str = "l2.e5";
pub const L2_E6: &str = "l2.e6";

pub const L3_E1: &str = "l3.e1";
pub const L3_E2: &str = "l3.e2";
pub const L3_E3: &str = "l3.e3";
pub const L3_E4: &str = "l3.e4";
pub const L3_E5: &str = "l3.e5";

pub const L4_E1: &str = "l4.e1";
pub const L4_E2: &str = "l4.e2";
pub const L4_E3: &str = "l4.e3";
pub const L4_E4: &str = "l4.e4";

pub const L5_E1: &str = "l5.e1";
pub const L5_E2: &str = "l5.e2";
pub const L5_E3: &str = "l5.e3";
pub const L5_E4: &str = "l5.e4";
pub const L5_E5: &str = "l5.e5";
pub const L5_E6: &str = "l5.e6";

pub const L6_E1: &str = "l6.e1";
pub const L6_E2: &str = "l6.e2";
pub const L6_E3: &str = "l6.e3";
pub const L6_E4: &str = "l6.e4";
pub const L6_E5: &str = "l6.e5";

pub const B_E1: &str = "b.e1";
pub const B_E2: &str = "b.e2";
pub const B_E3: &str = "b.e3";
pub const B_E4: &str = "b.e4";
pub const B_E5: &str = "b.e5";

/// The Atelier's three challenges.
pub const ATELIER: [&str; 3] = ["atelier.d1", "atelier.d2", "atelier.d3"];
