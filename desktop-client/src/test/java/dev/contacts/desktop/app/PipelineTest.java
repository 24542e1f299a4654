package dev.contacts.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The software pipeline is asked for only on a machine with no GPU device, and never over the person's choice. */
class PipelineTest {

    @TempDir
    Path dev;

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
        String before = System.getProperty(Pipeline.ORDER);
        try {
            System.setProperty(Pipeline.ORDER, "es2");
            Pipeline.choose();
            assertEquals("es2", System.getProperty(Pipeline.ORDER));
        } finally {
            if (before == null) {
                System.clearProperty(Pipeline.ORDER);
            } else {
                System.setProperty(Pipeline.ORDER, before);
            }
        }
    }
}
