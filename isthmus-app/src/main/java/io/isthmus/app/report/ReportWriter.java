package io.isthmus.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.isthmus.app.map.MapSvg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the report directory of {@code isthmus analyze --report DIR}: {@code index.html}, {@code
 * inventory.json}, {@code inventory.csv}, {@code map.svg} and {@code map.json}.
 */
public final class ReportWriter {
    public static final List<String> FILES =
            List.of("index.html", "inventory.json", "inventory.csv", "map.svg", "map.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    public static void write(Path dir, ReportInput in) throws IOException {
        Files.createDirectories(dir);
        InventoryJson.write(dir.resolve("inventory.json"), InventoryJson.of(in.inventory(), in.generated()));
        Files.writeString(dir.resolve("inventory.csv"), InventoryCsv.render(in.inventory()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("map.svg"), MapSvg.render(in.map()), StandardCharsets.UTF_8);
        JSON.writeValue(dir.resolve("map.json").toFile(), in.map());
        Files.writeString(dir.resolve("index.html"), HtmlReport.render(in), StandardCharsets.UTF_8);
    }
}
