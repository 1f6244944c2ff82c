/** Per-title encoding: probing, complexity analysis, ladders, ffmpeg jobs, quality gate and HLS packaging. */
@ApplicationModule(displayName = "Encoding")
@NullMarked
package dev.marquee.backend.encoding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
