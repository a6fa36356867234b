package dev.plugnet.app;

import dev.plugnet.api.ConfigException;
import dev.plugnet.core.Plugnet;
import dev.plugnet.core.model.InferredWidths;
import dev.plugnet.core.model.ModelSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code --config} value: a model file, or the name of a bundled example ({@code thyroid}, {@code iris}) when
 * no such file exists.
 *
 * @param spec the model
 * @param example the bundled example it came from, if any (its data set is then the default data)
 */
record ConfigArgument(ModelSpec spec, Optional<BundledExample> example) {

    /** @return the config {@code value} names; {@code null} means the default example */
    static ConfigArgument read(String value, Plugnet plugnet) {
        if (value == null) {
            return of(BundledExample.DEFAULT, plugnet);
        }
        Path file = Path.of(value);
        Optional<BundledExample> bundled = BundledExample.named(value);
        if (!Files.exists(file) && bundled.isPresent()) {
            return of(bundled.get(), plugnet);
        }
        ModelSpec spec = plugnet.reader().read(file);
        try {
            InferredWidths widths = InferredWidths.of(plugnet.registry());
            if (widths.open(spec)) {
                widths.resolve(spec, 1, 1); // widths come with the data; only a misplaced "auto" is wrong now
            } else {
                // plugin names, options (the optimizer's too, which gradcheck and explain do not use) and widths:
                // checked here, for every command, to name the file
                if (spec.optimizer() == null) {
                    plugnet.assembler().network(spec); // train asks for the optimizer; the others need none
                } else {
                    plugnet.assembler().assemble(spec);
                }
            }
        } catch (ConfigException e) {
            throw e.location().startsWith(value) ? e : new ConfigException(value + " " + e.location(), e.problem());
        }
        return new ConfigArgument(spec, Optional.empty());
    }

    private static ConfigArgument of(BundledExample example, Plugnet plugnet) {
        return new ConfigArgument(plugnet.reader().read(example.configText()), Optional.of(example));
    }
}
