package io.vocedge.provisioning.install;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test archives, generated at test time. */
final class Zips {
    private Zips() {}

    static Path zip(Path file, Map<String, byte[]> entries) throws Exception {
        try (OutputStream o = Files.newOutputStream(file);
                ZipOutputStream z = new ZipOutputStream(o)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    /** A fake Vosk model with the layout of vosk-model-small-*: lookahead graph, no ivector. */
    static Map<String, byte[]> smallModel(String top, String marker) {
        var m = new java.util.LinkedHashMap<String, byte[]>();
        for (String f : new String[] {
            "am/final.mdl",
            "conf/mfcc.conf",
            "conf/model.conf",
            "graph/Gr.fst",
            "graph/HCLr.fst",
            "graph/disambig_tid.int",
            "README"
        }) {
            m.put(top + f, (marker + " " + f).getBytes());
        }
        return m;
    }
}
