package dev.marquee.console.ui;

import javafx.geometry.HPos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/** The SRE sign-in form, a labelled grid bound to {@link SignInViewModel}. Enter submits. */
public final class SignInView {
    /** Room for a long address and the role message on two lines. */
    private static final double FORM_WIDTH = 420;

    private final StackPane root = new StackPane();
    private final TextField email = new TextField();

    public SignInView(SignInViewModel model, String backendUrl) {
        PasswordField password = new PasswordField();
        Button submit = new Button("Sign in");
        Label problem = new Label();
        Label brand = new Label("MARQUEE OPS");
        Label where = new Label("SRE sign-in · " + backendUrl);

        email.setId("email");
        password.setId("password");
        submit.setId("signIn");
        problem.setId("error");
        email.textProperty().bindBidirectional(model.emailProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        submit.disableProperty().bind(model.workingProperty());
        submit.setDefaultButton(true);
        submit.setOnAction(event -> model.submit());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);

        brand.getStyleClass().add("brand");
        where.getStyleClass().add("muted");
        submit.getStyleClass().add("accent");
        problem.getStyleClass().add("error");

        GridPane form = new GridPane(12, 12);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        form.add(brand, 0, 0, 2, 1);
        form.add(where, 0, 1, 2, 1);
        form.addRow(2, new Label("Email"), email);
        form.addRow(3, new Label("Password"), password);
        form.add(submit, 1, 4);
        form.add(problem, 0, 5, 2, 1);
        GridPane.setHalignment(submit, HPos.RIGHT);
        form.getStyleClass().add("panel");
        form.setMaxSize(FORM_WIDTH, GridPane.USE_PREF_SIZE);
        root.getChildren().add(form);
        root.setId("sign-in");
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        email.requestFocus();
    }
}
