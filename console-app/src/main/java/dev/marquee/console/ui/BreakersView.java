package dev.marquee.console.ui;

import dev.marquee.console.api.OpsWire.Breaker;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * A live breaker map in the style of the Hystrix dashboard: one card per protected dependency with a circle sized
 * by the calls in its window and coloured by health, its state, error and slow-call rates, rejections.
 */
public final class BreakersView {
    /** The circle of a breaker with no calls yet, still visible. */
    static final double MIN_RADIUS = 8;
    /** The circle of a breaker with a full window; resilience4j's default window is 100 calls. */
    static final double MAX_RADIUS = 34;
    static final int FULL_WINDOW_CALLS = 100;
    private static final double CARD_WIDTH = 230;
    /** The card's padding on both sides, which wrapped text must leave free. */
    private static final double CARD_PADDING = 28;

    private final VBox root;
    private final FlowPane map = new FlowPane(14, 14);

    public BreakersView(BreakersViewModel model) {
        map.setId("breaker-map");
        Label empty = new Label("No circuit breakers reported yet: they appear with the first protected call.");
        empty.getStyleClass().add("muted");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.breakers()));
        empty.managedProperty().bind(empty.visibleProperty());
        model.breakers().addListener((ListChangeListener<Breaker>) change -> draw(model));
        draw(model);
        ScrollPane scroll = new ScrollPane(map);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain");
        root = new VBox(14, Widgets.heading("Breakers",
                "circle size = calls in the breaker's window · colour = health", model.liveProperty()),
                Widgets.problem(model.problemProperty()), empty, scroll);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.getStyleClass().add("section");
    }

    public Parent root() {
        return root;
    }

    private void draw(BreakersViewModel model) {
        // Worst first, as on the Hystrix dashboard, then by name so that cards stay put between snapshots.
        map.getChildren().setAll(model.breakers().stream()
                .sorted(java.util.Comparator.comparing((Breaker b) -> BreakersViewModel.health(b)).reversed()
                        .thenComparing(Breaker::name))
                .map(BreakersView::card).toList());
    }

    private static VBox card(Breaker b) {
        double fill = Math.min(1, (double) b.bufferedCalls() / FULL_WINDOW_CALLS);
        Circle circle = new Circle(MIN_RADIUS + Math.sqrt(fill) * (MAX_RADIUS - MIN_RADIUS));
        String health = BreakersViewModel.health(b).name().toLowerCase(java.util.Locale.ROOT);
        circle.getStyleClass().addAll("breaker-circle", "health-" + health);
        StackPane bubble = new StackPane(circle);
        bubble.setMinHeight(2 * MAX_RADIUS + 4);
        int colon = b.name().indexOf(':');
        Label kind = new Label(colon < 0 ? "dependency" : b.name().substring(0, colon));
        kind.getStyleClass().add("muted");
        Label name = new Label(b.name().substring(colon + 1));
        name.getStyleClass().add("breaker-name");
        Label state = new Label(b.state().replace('_', '-'));
        state.setId("breaker-state-" + b.name());
        state.getStyleClass().addAll("breaker-state", "health-" + health);
        Label rates = new Label("errors " + BreakersViewModel.percent(b.failureRatePercent()) + " · slow "
                + BreakersViewModel.percent(b.slowCallRatePercent()));
        Label calls = new Label(b.bufferedCalls() + " calls · " + b.failedCalls() + " failed · " + b.slowCalls()
                + " slow");
        Label rejected = new Label("short-circuited " + b.notPermittedCalls() + " · rejected "
                + b.bulkheadRejectedCalls());
        rates.getStyleClass().add("muted");
        calls.getStyleClass().add("muted");
        rejected.getStyleClass().add("muted");
        for (Label l : new Label[] {name, rates, calls, rejected}) {
            l.setWrapText(true);
            l.setMaxWidth(CARD_WIDTH - CARD_PADDING);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        }
        VBox card = new VBox(4, bubble, kind, name, state, rates, calls, rejected);
        card.setAlignment(Pos.TOP_CENTER);
        card.setPrefWidth(CARD_WIDTH);
        card.setMinHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().addAll("card", "breaker");
        card.setId("breaker-" + b.name());
        return card;
    }
}
