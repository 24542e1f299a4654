package dev.contacts.desktop.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.contacts.desktop.api.ContactsApi;
import dev.contacts.desktop.app.AppWindow;
import dev.contacts.desktop.app.Session;
import dev.contacts.desktop.app.UserSession;
import dev.contacts.desktop.settings.Settings;
import dev.contacts.desktop.theme.ThemeManager;
import dev.contacts.desktop.ui.Debouncer;
import dev.contacts.desktop.ui.FxBackground;
import dev.contacts.server.Capacity;
import dev.contacts.server.ContactsServer;
import dev.contacts.server.ServerSettings;
import dev.contacts.server.support.MutableClock;
import dev.contacts.model.Contact;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real window (headless, Monocle) of the app against a real server started in-process on a temporary folder,
 * exactly as the app's embedded mode does, with the app's real background threads and debounce.
 */
public abstract class UiTestBase extends FxRobot {

    public static final String PASSWORD = "correct horse battery";

    @TempDir
    protected Path dataDir;

    protected ContactsServer server;
    /** The server's clock: tests move it forward to let tokens expire. */
    protected final MutableClock clock = new MutableClock();
    /** The client for calls without a login (registration); see {@link #userApi()} for the signed-in one. */
    protected ContactsApi api;
    protected Session session;
    protected AppWindow window;
    protected ThemeManager theme;
    protected Settings settings;
    protected Stage stage;
    private FxBackground background;

    /** The links the app asked to open outside it (a mail client for {@code mailto:}), in order. */
    protected final List<String> openedLinks = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The robot that clicks and types: this test itself. */
    protected final FxRobot robot = this;

    @BeforeAll
    public static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    public void openWindow() throws Exception {
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(Stage stage) {
        this.stage = stage;
        server = ContactsServer.start(ServerSettings.embedded(dataDir.resolve("contacts.db")), clock,
                Capacity.ONE_USER);
        URI uri = server.uri("127.0.0.1"); // kept: a restarted server comes back on the same port
        api = new ContactsApi(() -> uri, Duration.ofSeconds(30), clock);
        background = new FxBackground();
        session = new Session(api, background);
        settings = new Settings(dataDir);
        theme = new ThemeManager(settings);
        theme.apply();
        window = new AppWindow(session, background, Debouncer::fx, theme, settings,
                java.util.Optional.empty());
        window.openLinksWith(openedLinks::add);
        window.showIn(stage);
        // the app's size: TestFX keeps one stage for every test, and a test that made it smaller left it so for the
        // next ones (SelectionPaneFlowTest's rows were then below the window's edge)
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    public void stopServer() throws Exception {
        FxToolkit.cleanupStages();
        background.close();
        server.stop();
        settings.awaitWrites(); // before the temporary data folder is removed
    }

    /** Stops the server and starts it again on the same port and database (e.g. after an outage). */
    /** Saves the window's screenshot in the light theme, then the dark one ({@code name}-light, -dark). */
    protected void screenshotsInBothThemes(String name) {
        Screenshots.save(window.scene(), name + "-light");
        Fx.run(() -> theme.darkProperty().set(true));
        Screenshots.save(window.scene(), name + "-dark");
        Fx.run(() -> theme.darkProperty().set(false));
    }

    protected void restartServer() {
        int port = server.port();
        server.stop();
        server = ContactsServer.start(ServerSettings.embedded(dataDir.resolve("contacts.db")).withPort(port), clock,
                Capacity.ONE_USER);
    }

    /** The client of the account signed in now (each login has its own, with its own tokens). */
    protected ContactsApi userApi() {
        UserSession user = Fx.call(() -> session.userProperty().get());
        if (user == null) {
            throw new AssertionError("nobody is signed in");
        }
        return user.api();
    }

    /** Waits (up to 10 s) until {@code condition} holds on the FX thread. */
    protected static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(() -> holds(condition)).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** A condition that cannot be evaluated yet (its node is not drawn yet) does not hold yet. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Clicks on the node showing {@code text} (e.g. a table cell), once it is drawn. */
    protected void clickOnText(String text) {
        waitUntil("\"" + text + "\" is shown", () -> robot.lookup(text).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(text);
    }

    /** The address book's list. */
    protected ListView<Contact> contactList() {
        return robot.lookup("#contacts-list").queryListView();
    }

    /** The first names of the contacts listed, in the list's order. */
    protected List<String> listedFirstNames() {
        return Fx.call(() -> contactList().getItems().stream().map(Contact::firstName).toList());
    }

    /** The first names of the contacts selected in the list. */
    protected List<String> selectedFirstNames() {
        return Fx.call(() -> contactList().getSelectionModel().getSelectedItems().stream()
                .map(Contact::firstName).toList());
    }

    /** Clicks on the list's row of the contact named {@code name} ("Ada Lovelace"), once it is drawn. */
    protected void clickOnContact(String name) {
        robot.clickOn(contactRow(name));
    }

    protected void doubleClickOnContact(String name) {
        robot.doubleClickOn(contactRow(name));
    }

    private Node contactRow(String name) {
        waitUntil("\"" + name + "\" is listed", () -> findRow(name) != null);
        WaitForAsyncUtils.waitForFxEvents();
        return Fx.call(() -> findRow(name));
    }

    private Node findRow(String name) {
        return contactList().lookupAll(".contact-name").stream()
                .filter(n -> n.isVisible() && name.equals(((Labeled) n).getText())).findFirst().orElse(null);
    }

    /** Clicks into a field, clears it and types {@code text}. */
    protected void type(FxRobot robot, String query, String text) {
        Node node = robot.lookup(query).query();
        Fx.run(node::requestFocus); // as Tab would: a field scrolled out of view comes into view
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
        TextInputControl field = node instanceof DatePicker picker ? picker.getEditor() : (TextInputControl) node;
        Fx.run(field::clear);
        robot.write(text);
    }

    /** The text a label or field shows; empty when no such node is drawn. */
    protected static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).tryQuery().orElse(null);
        if (node == null) {
            return "";
        }
        if (node instanceof Labeled labeled) {
            return labeled.getText().replace("\u200A", ""); // (a break allowed in an address: a hair space)
        }
        return ((TextInputControl) node).getText();
    }

    protected static boolean visible(FxRobot robot, String query) {
        Node node = robot.lookup(query).tryQuery().orElse(null);
        if (node == null || node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Registers (through the API, not the UI) and logs in through the UI. */
    protected void registerAndLogIn(FxRobot robot, String email) {
        api.register(email, PASSWORD);
        logIn(robot, email, PASSWORD);
        waitUntil("the main view shows", () -> visible(robot, "#contacts-view"));
    }

    protected void logIn(FxRobot robot, String email, String password) {
        type(robot, "#email", email);
        type(robot, "#password", password);
        robot.type(KeyCode.ENTER);
    }

    protected static void assertVisible(FxRobot robot, String query) {
        assertTrue(visible(robot, query), query + " should be visible");
    }
}
