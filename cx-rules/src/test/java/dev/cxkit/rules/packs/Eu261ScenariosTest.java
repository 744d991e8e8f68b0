package dev.cxkit.rules.packs;

/**
 * The scenarios shipped with the eu261 pack (every rule and every boundary of Regulation (EC) No
 * 261/2004 the pack encodes), run as tests, and their coverage of the rules.
 */
class Eu261ScenariosTest extends BundledPackScenarios {

    Eu261ScenariosTest() {
        super("eu261");
    }
}
