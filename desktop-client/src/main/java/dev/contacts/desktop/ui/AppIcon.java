package dev.contacts.desktop.ui;

import java.util.List;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's icon, drawn from the app's own icon font (an address-book glyph on a blue disc) at a few sizes. */
public final class AppIcon {

    private AppIcon() {
    }

    public static List<Image> images() {
        return List.of(draw(16), draw(32), draw(64), draw(128));
    }

    private static Image draw(int size) {
        Circle disc = new Circle(size / 2.0, Color.web("#0969da"));
        FontIcon glyph = new FontIcon("mdal-contacts");
        glyph.setIconSize((int) Math.round(size * 0.6));
        glyph.setIconColor(Color.WHITE);
        StackPane icon = new StackPane(disc, glyph);
        icon.setPrefSize(size, size);
        SnapshotParameters transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        return icon.snapshot(transparent, null);
    }
}
