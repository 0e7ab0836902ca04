/**
 * Upload sanitising: nothing uploaded leaks where, when or with what its author took it.
 *
 * <p>The format comes from magic bytes only. Limits are read from headers before anything else.
 * Stripping is byte-level and lossless, by an allow-list of structure; everything not listed is
 * dropped, including bytes after the end of the image (MPF previews, motion-photo videos).
 *
 * <ul>
 *   <li>JPEG keeps SOI, APP0 JFIF (rewritten without its thumbnail, which can show what a crop
 *       removed), APP14 Adobe (first 12 bytes; needed for CMYK/YCCK), DQT, DHT, DRI, DAC, SOF0–3
 *       and SOF9–11, SOS with its entropy-coded data and RSTn, EOI. Hierarchical JPEG is refused.
 *   <li>PNG keeps IHDR, PLTE, tRNS, IDAT, IEND, gAMA, cHRM, sRGB, sBIT, cICP and the APNG chunks
 *       acTL, fcTL, fdAT, copied as-is after their CRCs are checked. pHYs is dropped (a DPI hint
 *       that can point at a device, not needed to display), as is every unknown ancillary chunk; an
 *       unknown critical chunk is refused.
 *   <li>WebP keeps VP8, VP8L, ALPH, ANIM and ANMF (whose nested chunks are filtered the same way)
 *       under a fresh VP8X; the RIFF size and padding are rewritten.
 * </ul>
 *
 * <p>ICC profiles (JPEG APP2, PNG iCCP, WebP ICCP) are dropped: their description and copyright
 * tags are free text that can name a device or an editing tool. Wide-gamut images then display as
 * sRGB, slightly less saturated.
 *
 * <p>Dropping EXIF drops its Orientation tag, so a photo stored sideways with a "rotate 90°" tag
 * displays sideways. We accept that rather than keep any EXIF; the fix, if needed, is to write back
 * an EXIF holding Orientation alone.
 */
package org.agora.post.domain.media;
