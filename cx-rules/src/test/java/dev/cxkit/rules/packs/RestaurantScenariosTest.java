package dev.cxkit.rules.packs;

/** The scenarios shipped with the restaurant pack, run as tests, and their coverage of the rules. */
class RestaurantScenariosTest extends BundledPackScenarios {

    RestaurantScenariosTest() {
        super("restaurant");
    }
}
