package dev.contacts.desktop.contacts;

import dev.contacts.model.Contact;
import dev.contacts.model.ContactDraft;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.stage.Screen;
import javafx.scene.text.TextBoundsType;
import org.kordamp.ikonli.javafx.FontIcon;

/** A contact's round picture: the photo when there is one, else the initials on a colour picked by the contact's id. */
public final class Avatar extends StackPane {

    private final Label initials = new Label();
    /** Shown instead of initials while there are none (a new contact before its name is typed). */
    private final FontIcon nobody = new FontIcon("mdmz-person");
    private final ImageView photo = new ImageView();
    private final double size;
    /** The person's glyph size per diameter: the drawn person is 2/3 of its glyph, so it fills ~60% of the circle. */
    private static final double NOBODY_GLYPH = 0.9;
    /** While a photo shows: the initials' colour is not drawn behind it (contacts.css). */
    private static final PseudoClass WITH_PHOTO = PseudoClass.getPseudoClass("photo");

    public Avatar(double size) {
        this.size = size;
        getStyleClass().add("avatar");
        setMinSize(size, size);
        setPrefSize(size, size);
        setMaxSize(size, size);
        initials.getStyleClass().add("avatar-initials");
        initials.setStyle("-fx-font-size: " + Math.round(size * 0.4) + "px;");
        // Not the theme's "ikonli-font-icon": its -fx-icon-size (18px) wins over setIconSize in every CSS pass, as
        // Ikonli reports the size's origin as the user agent's. The colour is in contacts.css (.avatar-nobody).
        nobody.getStyleClass().setAll("avatar-nobody");
        nobody.setIconSize((int) Math.round(size * NOBODY_GLYPH));
        nobody.setBoundsType(TextBoundsType.VISUAL); // centred on the person drawn, not on the font's line
        photo.setFitWidth(size);
        photo.setFitHeight(size);
        photo.setPreserveRatio(false);
        photo.setClip(new Circle(size / 2, size / 2, size / 2));
        getChildren().setAll(initials, nobody, photo);
    }

    /** Shows {@code contact}'s initials and colour (and no photo until {@link #showPhoto} gives one). */
    public void show(Contact contact) {
        getStyleClass().removeIf(c -> c.startsWith("avatar-color-"));
        getStyleClass().add("avatar-color-" + ContactText.avatarColor(contact));
        initials.setText(ContactText.initials(contact));
        showPhoto(null);
    }

    /** Shows the initials of a name being typed in the form of contact {@code id} (0 for a new contact). */
    public void show(long id, String firstName, String lastName) {
        show(new Contact(id, new ContactDraft(firstName, lastName, null, null, null, null), false, null, null));
    }

    /** Shows {@code image} (its middle square) over the initials; null shows the initials. */
    public void showPhoto(Image image) {
        photo.setImage(image);
        if (image != null) { // its middle square: a photo that is not square is cropped, not squashed into the circle
            double side = Math.min(image.getWidth(), image.getHeight());
            photo.setViewport(new javafx.geometry.Rectangle2D((image.getWidth() - side) / 2,
                    (image.getHeight() - side) / 2, side, side));
        }
        photo.setVisible(image != null);
        // a transparent PNG (a logo) showed the initials' colour through it and as a ring around its edge
        pseudoClassStateChanged(WITH_PHOTO, image != null);
        initials.setVisible(image == null && !initials.getText().isEmpty());
        nobody.setVisible(image == null && initials.getText().isEmpty());
    }

    /** Whether the generic person shows (no photo, no initials). */
    boolean showsNobody() {
        return nobody.isVisible();
    }

    public double size() {
        return size;
    }

    /**
     * The side in pixels to decode a photo to: the avatar's size times the largest output scale of the screens (2 on
     * a screen scaled to 200%), so a photo is sharp on any of them and never decoded larger than it is drawn.
     */
    public int pixelSide() {
        double scale = 1;
        for (Screen screen : Screen.getScreens()) {
            scale = Math.max(scale, Math.max(screen.getOutputScaleX(), screen.getOutputScaleY()));
        }
        return (int) Math.ceil(size * scale);
    }
}
