package dev.marquee.console.ui;

import dev.marquee.console.ui.DashboardViewModel.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard frame: a top bar (SRE, backend, connection, sign-out), a banner while disconnected, the
 * navigation on the left and the open section's view. Bindings only.
 */
public final class DashboardView {
    /** Size of the connection dot in the top bar. */
    private static final double DOT_RADIUS = 5;
    private static final double NAV_WIDTH = 200;
    /** A comfortable reading width for the empty-state sentence. */
    private static final double EMPTY_TEXT_WIDTH = 640;

    private final BorderPane root = new BorderPane();
    private @Nullable SectionModel open;

    public DashboardView(DashboardViewModel model) {
        VBox north = new VBox(topBar(model), banner(model));
        root.setTop(north);
        root.setLeft(navigation(model));
        show(model, model.sectionProperty().get());
        model.sectionProperty().addListener((obs, was, now) -> show(model, now));
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                closeOpen(); // signed out or the window closed: stop polling and streaming
            }
        });
        root.setId("dashboard");
    }

    public Parent root() {
        return root;
    }

    /** Opens a section: its live view with a started model, or its honest empty state; the previous one stops. */
    private void show(DashboardViewModel model, Section section) {
        closeOpen();
        SectionModel sectionModel = model.modelFor(section);
        open = sectionModel;
        Node view = switch (sectionModel) {
            case WorldViewModel world -> new WorldView(world).root();
            case EdgeViewModel edge -> new EdgeView(edge).root();
            case BreakersViewModel breakers -> new BreakersView(breakers).root();
            case MetricsViewModel metrics -> new MetricsView(metrics).root();
            case EncodingViewModel encoding -> new EncodingView(encoding).root();
            case ChaosViewModel chaos -> new ChaosView(chaos).root();
            case null, default -> emptyState(section);
        };
        view.setId("section-" + section.key());
        root.setCenter(view);
        if (sectionModel != null) {
            sectionModel.start();
        }
    }

    private void closeOpen() {
        SectionModel shown = open;
        open = null;
        if (shown != null) {
            shown.close();
        }
    }

    private static HBox topBar(DashboardViewModel model) {
        Label brand = new Label("MARQUEE OPS");
        brand.getStyleClass().add("brand");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label email = new Label(model.email());
        email.setId("sre-email");
        Label backend = new Label(model.backendUrl());
        backend.setId("backend-url");
        backend.getStyleClass().add("muted");

        Circle dot = new Circle(DOT_RADIUS);
        dot.getStyleClass().add("dot");
        Label connection = new Label();
        connection.setId("connection");
        connection.setGraphic(dot);
        connection.textProperty().bind(Bindings.createStringBinding(
                () -> switch (model.connectionProperty().get()) {
                    case CHECKING -> "checking…";
                    case CONNECTED -> "connected";
                    case DISCONNECTED -> "disconnected";
                }, model.connectionProperty()));
        model.connectionProperty().addListener((obs, was, now) -> {
            connection.getStyleClass().removeAll(stateClasses());
            connection.getStyleClass().add(stateClass(now));
        });
        connection.getStyleClass().addAll("connection", stateClass(model.connectionProperty().get()));

        Button signOut = new Button("Sign out");
        signOut.setId("signOut");
        signOut.setOnAction(e -> model.signOut());
        HBox bar = new HBox(18, brand, gap, connection, backend, email, signOut);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private static Label banner(DashboardViewModel model) {
        Label banner = new Label(model.disconnectedMessage());
        banner.setId("disconnected");
        banner.getStyleClass().add("banner-danger");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(model.connectionProperty().isEqualTo(Connection.DISCONNECTED));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static VBox navigation(DashboardViewModel model) {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        for (Section section : Section.values()) {
            ToggleButton item = new ToggleButton(section.label());
            item.setId("nav-" + section.key());
            item.setToggleGroup(group);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setSelected(section == model.sectionProperty().get());
            item.setOnAction(e -> {
                model.sectionProperty().set(section);
                item.setSelected(true); // a second click keeps the section open instead of clearing the choice
            });
            nav.getChildren().add(item);
        }
        nav.getStyleClass().add("nav");
        nav.setPrefWidth(NAV_WIDTH);
        return nav;
    }

    private static Node emptyState(Section section) {
        Label title = new Label(section.emptyTitle());
        title.getStyleClass().add("title");
        Label detail = new Label(section.emptyDetail());
        detail.getStyleClass().add("muted");
        detail.setWrapText(true);
        detail.setMaxWidth(EMPTY_TEXT_WIDTH);
        Label heading = new Label(section.label());
        heading.getStyleClass().add("section-heading");
        VBox empty = new VBox(10, heading, title, detail);
        empty.setId("section-" + section.key());
        empty.getStyleClass().add("section");
        return empty;
    }

    private static String stateClass(Connection connection) {
        return "connection-" + connection.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> stateClasses() {
        return Arrays.stream(Connection.values()).map(DashboardView::stateClass).toList();
    }
}
