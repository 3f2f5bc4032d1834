package dev.tartan.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;

import java.util.Iterator;
import java.util.Map;

/**
 * A JSON value as a collapsible tree. Children are made when a node is first expanded, so a reply
 * with thousands of transactions opens at once.
 */
public final class JsonTreeView extends TreeView<JsonTreeView.Entry> {

    /** One node: its key (or index) in its parent, its path from the root, its value. */
    public record Entry(String key, String path, JsonNode value) {
    }

    private final javafx.beans.property.BooleanProperty revealTokens = new javafx.beans.property.SimpleBooleanProperty();

    public JsonTreeView() {
        revealTokens.addListener((obs, old, now) -> refresh());
        setShowRoot(true);
        getStyleClass().add("json-tree");
        setCellFactory(tree -> new JsonCell());
    }

    /** Tokens in the tree are masked until this is true ("Copy value" always copies the whole value). */
    public javafx.beans.property.BooleanProperty revealTokensProperty() {
        return revealTokens;
    }

    /** Shows {@code json}, with the top level open. */
    public void show(JsonNode json) {
        if (json == null) {
            setRoot(null);
            return;
        }
        LazyItem root = new LazyItem(new Entry("reply", "", json));
        root.setExpanded(true);
        setRoot(root);
    }

    /** Opens every node down to {@code depth} levels (1 = the root's children). */
    public void expandTo(int depth) {
        expand(getRoot(), depth);
    }

    private static void expand(TreeItem<Entry> item, int depth) {
        if (item == null || depth < 0) {
            return;
        }
        item.setExpanded(true);
        for (TreeItem<Entry> child : item.getChildren()) {
            expand(child, depth - 1);
        }
    }

    private static final class LazyItem extends TreeItem<Entry> {
        private boolean childrenMade;

        LazyItem(Entry entry) {
            super(entry);
        }

        @Override
        public boolean isLeaf() {
            JsonNode value = getValue().value();
            return !value.isContainerNode() || value.isEmpty();
        }

        @Override
        public ObservableList<TreeItem<Entry>> getChildren() {
            if (!childrenMade) {
                childrenMade = true;
                super.getChildren().setAll(children(getValue()));
            }
            return super.getChildren();
        }

        private static java.util.List<TreeItem<Entry>> children(Entry parent) {
            java.util.List<TreeItem<Entry>> items = new java.util.ArrayList<>();
            JsonNode value = parent.value();
            if (value.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String path = parent.path().isEmpty() ? field.getKey() : parent.path() + "." + field.getKey();
                    items.add(new LazyItem(new Entry(field.getKey(), path, field.getValue())));
                }
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    items.add(new LazyItem(new Entry("[" + i + "]", parent.path() + "[" + i + "]", value.get(i))));
                }
            }
            return items;
        }
    }

    private final class JsonCell extends TreeCell<Entry> {
        private final Label key = new Label();
        private final Label value = new Label();
        private final HBox box = new HBox(6, key, value);

        JsonCell() {
            key.getStyleClass().add("json-key");
            MenuItem copyValue = new MenuItem("Copy value");
            copyValue.setOnAction(e -> {
                if (getItem() != null) {
                    JsonNode node = getItem().value();
                    Clipboards.copy(node.isValueNode() ? node.asText() : node.toPrettyString());
                }
            });
            MenuItem copyPath = new MenuItem("Copy path");
            copyPath.setOnAction(e -> {
                if (getItem() != null) {
                    Clipboards.copy(getItem().path());
                }
            });
            setContextMenu(new ContextMenu(copyValue, copyPath));
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            key.setText(entry.key());
            JsonNode node = entry.value();
            value.getStyleClass().removeIf(style -> style.startsWith("json-"));
            if (node.isObject()) {
                value.setText("{" + node.size() + (node.size() == 1 ? " field}" : " fields}"));
                value.getStyleClass().add("json-container");
            } else if (node.isArray()) {
                value.setText("[" + node.size() + (node.size() == 1 ? " item]" : " items]"));
                value.getStyleClass().add("json-container");
            } else if (node.isTextual()) {
                String text = revealTokens.get() ? node.asText() : dev.tartan.model.Masking.maskTokensIn(node.asText());
                value.setText("\"" + text + "\"");
                value.getStyleClass().add("json-string");
            } else if (node.isNumber()) {
                value.setText(node.asText());
                value.getStyleClass().add("json-number");
            } else if (node.isBoolean()) {
                value.setText(node.asText());
                value.getStyleClass().add("json-boolean");
            } else {
                value.setText("null");
                value.getStyleClass().add("json-null");
            }
            setText(null);
            setGraphic(box);
        }
    }
}
