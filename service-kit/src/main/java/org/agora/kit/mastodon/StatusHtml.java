package org.agora.kit.mastodon;

/** Renders plain post text as the HTML Mastodon clients display: escaped, paragraphs, breaks. */
public final class StatusHtml {
  private StatusHtml() {}

  public static String render(String text) {
    StringBuilder html = new StringBuilder("<p>");
    String[] paragraphs = text.split("\n{2,}");
    for (int p = 0; p < paragraphs.length; p++) {
      if (p > 0) {
        html.append("</p><p>");
      }
      String paragraph = paragraphs[p];
      for (int i = 0; i < paragraph.length(); i++) {
        char c = paragraph.charAt(i);
        switch (c) {
          case '<' -> html.append("&lt;");
          case '>' -> html.append("&gt;");
          case '&' -> html.append("&amp;");
          case '"' -> html.append("&quot;");
          case '\'' -> html.append("&#39;");
          case '\n' -> html.append("<br>");
          default -> html.append(c);
        }
      }
    }
    return html.append("</p>").toString();
  }
}
