package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The software pipeline is asked for only on a machine with no GPU device, and never over the person's choice; with it,
 * GTK is kept from loading OpenGL for its start only.
 */
class PipelineTest {

    @TempDir
    Path dev;

    /** An environment the test reads, in place of the process's. */
    private final Map<String, String> env = new HashMap<>();
    private final Pipeline.Environment fake = new Pipeline.Environment() {
        @Override
        public boolean setIfUnset(String name, String value) {
            return env.putIfAbsent(name, value) == null;
        }

        @Override
        public void unset(String name) {
            env.remove(name);
        }
    };
    private String orderBefore;

    @BeforeEach
    void noOrderGiven() {
        orderBefore = System.getProperty(Pipeline.ORDER);
        System.clearProperty(Pipeline.ORDER);
    }

    @AfterEach
    void orderAsBefore() {
        Pipeline.toolkitStarted(fake); // nothing left marked as set by the app
        if (orderBefore == null) {
            System.clearProperty(Pipeline.ORDER);
        } else {
            System.setProperty(Pipeline.ORDER, orderBefore);
        }
    }

    @Test
    void withoutAGpuGtkIsKeptFromOpenGlUntilTheToolkitHasStarted() {
        Pipeline.choose(dev, () -> fake);
        assertEquals("sw", System.getProperty(Pipeline.ORDER));
        assertEquals("disable", env.get(Pipeline.GDK_GL), "GTK would load Mesa to probe GLX");
        Pipeline.toolkitStarted(fake);
        assertNull(env.get(Pipeline.GDK_GL), "programs the app starts must not inherit it");
    }

    @Test
    void aSoftwareOrderGivenAtStartAlsoKeepsGtkFromOpenGl() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0"));
        System.setProperty(Pipeline.ORDER, "sw");
        Pipeline.choose(dev, () -> fake);
        assertEquals("disable", env.get(Pipeline.GDK_GL));
    }

    @Test
    void aGdkGlThePersonSetIsKept() {
        env.put(Pipeline.GDK_GL, "always");
        Pipeline.choose(dev, () -> fake);
        Pipeline.toolkitStarted(fake);
        assertEquals("always", env.get(Pipeline.GDK_GL));
    }

    @Test
    void withAGpuGtkIsLeftAlone() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        Pipeline.choose(dev, () -> fake);
        assertNull(System.getProperty(Pipeline.ORDER));
        assertTrue(env.isEmpty());
    }

    @Test
    void anOpenGlOrderGivenAtStartLeavesGtkAlone() {
        System.setProperty(Pipeline.ORDER, "es2,sw");
        Pipeline.choose(dev, () -> fake);
        assertEquals("es2,sw", System.getProperty(Pipeline.ORDER));
        assertTrue(env.isEmpty());
    }

    @Test
    void theCLibrarysEnvironmentIsSetOnlyWhereUnset() {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"));
        Pipeline.Environment c = Pipeline.Libc.environment();
        assertNotNull(c);
        Pipeline.Libc libc = (Pipeline.Libc) c;
        String name = "CONTACTS_PIPELINE_TEST_" + ProcessHandle.current().pid();
        try {
            assertTrue(libc.setIfUnset(name, "disable"));
            assertEquals("disable", libc.get(name));
            assertFalse(libc.setIfUnset(name, "other"), "a value already there is kept");
            assertEquals("disable", libc.get(name));
        } finally {
            libc.unset(name);
        }
        assertNull(libc.get(name));
    }

    @Test
    void noDeviceNodesMeanNoGpu() throws IOException {
        assertFalse(Pipeline.hasGpu(dev));
        Files.createDirectories(dev.resolve("dri/by-path"));
        Files.createFile(dev.resolve("nvidiactl"));
        assertFalse(Pipeline.hasGpu(dev), "a folder of links, and NVIDIA's control node, are no GPU");
    }

    @Test
    void aDrmNodeIsAGpu() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertTrue(Pipeline.hasGpu(dev));
    }

    @Test
    void aDrmCardIsAGpu() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/card0"));
        assertTrue(Pipeline.hasGpu(dev));
    }

    @Test
    void nvidiasOwnNodeIsAGpu() throws IOException {
        Files.createFile(dev.resolve("nvidia0"));
        assertTrue(Pipeline.hasGpu(dev));
    }

    @Test
    void anOrderGivenAtStartIsKept() {
        System.setProperty(Pipeline.ORDER, "es2");
        Pipeline.choose();
        assertEquals("es2", System.getProperty(Pipeline.ORDER));
    }
}
