/**
 * What-if on past incidents: a candidate policy decides the incidents the current one decided,
 * and {@link dev.cxkit.rules.whatif.PolicyDiff} says which plans change, by how much and because
 * of which rules, before the change ships.
 */
@NullMarked
package dev.cxkit.rules.whatif;

import org.jspecify.annotations.NullMarked;
