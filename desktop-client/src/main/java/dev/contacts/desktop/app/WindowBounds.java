package dev.contacts.desktop.app;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.contacts.desktop.settings.Settings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Where the window was when it last closed, kept in the settings so the next start puts it back. A place that
 * no screen shows any more (a monitor unplugged since) is not used: the window would open out of sight.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

    private static final String X = "window.x", Y = "window.y", WIDTH = "window.width", HEIGHT = "window.height",
            MAXIMIZED = "window.maximized";
    /** How much of the title bar must be on some screen for the window to be reachable. */
    private static final double VISIBLE = 48;

    /** The remembered bounds, if all of them are there and readable. */
    public static Optional<WindowBounds> remembered(Settings settings) {
        try {
            return Optional.of(new WindowBounds(number(settings, X), number(settings, Y), number(settings, WIDTH),
                    number(settings, HEIGHT), settings.get(MAXIMIZED).map(Boolean::parseBoolean).orElse(false)));
        } catch (NumberFormatException | NoSuchElementException e) {
            return Optional.empty();
        }
    }

    private static double number(Settings settings, String key) {
        return Double.parseDouble(settings.get(key).orElseThrow());
    }

    /** Written at once (the app is closing: a background write might not finish). */
    public void rememberIn(Settings settings) {
        settings.putAllNow(Map.of(X, Double.toString(x), Y, Double.toString(y), WIDTH, Double.toString(width),
                HEIGHT, Double.toString(height), MAXIMIZED, Boolean.toString(maximized)));
    }

    /** Puts {@code stage} at these bounds. */
    public void applyTo(Stage stage) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(maximized);
    }

    /** Whether the window's top strip, at these bounds, would be visible on one of these screens. */
    public boolean reachableOn(List<Rectangle2D> screens, double minWidth, double minHeight) {
        if (width < minWidth || height < minHeight) {
            return false;
        }
        Rectangle2D titleStrip = new Rectangle2D(x, y, width, VISIBLE);
        return screens.stream().anyMatch(screen -> screen.intersects(titleStrip)
                && overlap(screen.getMinX(), screen.getMaxX(), x, x + width) >= VISIBLE
                && y >= screen.getMinY() - 1 && y < screen.getMaxY() - VISIBLE);
    }

    private static double overlap(double aFrom, double aTo, double bFrom, double bTo) {
        return Math.min(aTo, bTo) - Math.max(aFrom, bFrom);
    }
}
