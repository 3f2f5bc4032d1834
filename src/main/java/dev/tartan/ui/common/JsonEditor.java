package dev.tartan.ui.common;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON text editor with line numbers and syntax colouring. {@link #textProperty()} is two-way:
 * the view model may set the text and hears every edit.
 */
public final class JsonEditor extends VirtualizedScrollPane<CodeArea> {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))"
                    + "|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\"?)"
                    + "|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                    + "|(?<LITERAL>\\b(?:true|false|null)\\b)"
                    + "|(?<PUNCTUATION>[{}\\[\\],:])");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private boolean updating;

    public JsonEditor() {
        super(new CodeArea());
        CodeArea area = getContent();
        area.getStyleClass().add("json-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.textProperty().addListener((obs, old, now) -> {
            area.setStyleSpans(0, highlight(now));
            if (!updating) {
                updating = true;
                text.set(now);
                updating = false;
            }
        });
        text.addListener((obs, old, now) -> {
            if (!updating && !area.getText().equals(now)) {
                updating = true;
                area.replaceText(now == null ? "" : now);
                area.moveTo(0);
                area.showParagraphAtTop(0);
                updating = false;
            }
        });
    }

    public StringProperty textProperty() {
        return text;
    }

    public CodeArea area() {
        return getContent();
    }

    public void setEditable(boolean editable) {
        getContent().setEditable(editable);
    }

    static StyleSpans<Collection<String>> highlight(String text) {
        Matcher matcher = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (matcher.find()) {
            String style = matcher.group("KEY") != null ? "json-key"
                    : matcher.group("STRING") != null ? "json-string"
                    : matcher.group("NUMBER") != null ? "json-number"
                    : matcher.group("LITERAL") != null ? "json-literal"
                    : "json-punctuation";
            spans.add(Collections.emptyList(), matcher.start() - last);
            spans.add(Collections.singleton(style), matcher.end() - matcher.start());
            last = matcher.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
