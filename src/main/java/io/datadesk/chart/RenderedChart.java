package io.datadesk.chart;

/**
 * A drawn chart.
 *
 * @param svg the post-processed SVG drawn for wide containers (empty for {@code hbar}, which is HTML)
 * @param svgNarrow the same chart laid out for phones (empty for {@code hbar}, and for bars too many to name on a phone,
 *     which a phone gets as horizontal bars in {@code html})
 * @param html the complete {@code <figure>} to put in the page (contains both SVGs)
 * @param description the text of the SVG's {@code <desc>}: the author's {@code alt}, or one generated from the data
 */
public record RenderedChart(String svg, String svgNarrow, String html, String description) {}
