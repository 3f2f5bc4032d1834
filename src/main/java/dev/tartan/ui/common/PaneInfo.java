package dev.tartan.ui.common;

import org.kordamp.ikonli.Ikon;

/**
 * What the navigation knows of a pane before it is built.
 *
 * @param id    stable, remembered as the last pane shown
 * @param title the name in the navigation
 * @param icon  the icon beside it
 */
public record PaneInfo(String id, String title, Ikon icon) {
}
