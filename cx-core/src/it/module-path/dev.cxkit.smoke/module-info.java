/** A consumer of cx-core on the module path, for run.sh: it may read only cx-core's exports. */
module dev.cxkit.smoke {
    requires dev.cxkit.core;
}
