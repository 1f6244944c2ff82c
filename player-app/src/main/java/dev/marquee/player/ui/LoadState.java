package dev.marquee.player.ui;

/** Where a screen's data stands; each screen shows one state pane for it. */
public enum LoadState { LOADING, READY, EMPTY, FAILED }
