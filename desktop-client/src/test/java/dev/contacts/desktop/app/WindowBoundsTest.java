package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.contacts.desktop.settings.Settings;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window comes back where it was, unless no screen would show it there. */
class WindowBoundsTest {

    private static final List<Rectangle2D> ONE_SCREEN = List.of(new Rectangle2D(0, 0, 1920, 1080));

    @TempDir
    Path dir;

    @Test
    void boundsWrittenAtCloseAreReadByTheNextStart() {
        new WindowBounds(120, 80, 1100, 720, false).rememberIn(new Settings(dir));
        assertEquals(Optional.of(new WindowBounds(120, 80, 1100, 720, false)),
                WindowBounds.remembered(new Settings(dir)), "read back from the file, as a new start would");
    }

    @Test
    void nothingRememberedOrUnreadableMeansTheDefaultPlace() {
        Settings settings = new Settings(dir);
        assertEquals(Optional.empty(), WindowBounds.remembered(settings));
        // written at once: a background write could outlive the test's folder
        settings.putAllNow(Map.of("window.x", "10", "window.y", "ten", "window.width", "900", "window.height", "600"));
        assertEquals(Optional.empty(), WindowBounds.remembered(settings));
    }

    @Test
    void aPlaceNoScreenShowsIsNotUsed() {
        assertTrue(new WindowBounds(100, 100, 1024, 700, false).reachableOn(ONE_SCREEN, 800, 560));
        assertFalse(new WindowBounds(2500, 100, 1024, 700, false).reachableOn(ONE_SCREEN, 800, 560),
                "on a second monitor that is gone");
        assertFalse(new WindowBounds(100, -500, 1024, 700, false).reachableOn(ONE_SCREEN, 800, 560),
                "title bar above the screen");
        assertFalse(new WindowBounds(100, 100, 300, 200, false).reachableOn(ONE_SCREEN, 800, 560),
                "smaller than the window may be");
    }
}
