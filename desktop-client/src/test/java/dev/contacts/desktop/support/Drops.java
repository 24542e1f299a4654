package dev.contacts.desktop.support;

import java.io.File;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Files dropped on a node as a file manager drops them: a drag over it, then the drop if someone on the way to
 * the window accepted it (Monocle has no drag source for files, so the events are made here, with a dragboard
 * that holds the files; the app is on the class path, so JavaFX's own helper can make one).
 */
public final class Drops {

    private Drops() {
    }

    /** Drags {@code files} over the middle of {@code target} and drops them there when accepted (FX thread). */
    public static boolean drop(Node target, List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new FilesOnly(files));
        Bounds bounds = target.getLayoutBounds();
        Point2D middle = target.localToScene(bounds.getCenterX(), bounds.getCenterY());
        Point2D screen = target.localToScreen(bounds.getCenterX(), bounds.getCenterY());
        DragEvent over = new DragEvent(null, target, DragEvent.DRAG_OVER, board, middle.getX(), middle.getY(),
                screen.getX(), screen.getY(), TransferMode.COPY, null, null, null);
        Event.fireEvent(target, over);
        if (!over.isAccepted()) {
            return false;
        }
        DragEvent dropped = new DragEvent(null, target, DragEvent.DRAG_DROPPED, board, middle.getX(), middle.getY(),
                screen.getX(), screen.getY(), TransferMode.COPY, null, null, null);
        Event.fireEvent(target, dropped);
        return dropped.isDropCompleted();
    }

    /** A dragboard's content: the files, and nothing else. */
    private record FilesOnly(List<File> files) implements TKClipboard {

        @Override
        @SuppressWarnings("removal")
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return Map.of(DataFormat.FILES, files).get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return DataFormat.FILES.equals(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
