module dev.plugnet.app {
    requires dev.plugnet.core;
}
