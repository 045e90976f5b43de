<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an Atom or RSS feed opened in a browser as a readable page. Same origin, no script, no
  inline style (the site's own stylesheet), so it holds under a strict Content-Security-Policy.
  Feed readers ignore it. Entry content is not shown: only Firefox-incompatible tricks
  (disable-output-escaping) could render it, so the page lists titles, dates and summaries.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <link rel="stylesheet" href="/assets/css/site.css"/>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>
      </head>
      <body class="feed-preview">
        <main id="main" class="feed-preview__main">
          <p class="feed-preview__notice">
            <strong>This is a feed.</strong> Copy this page’s address into your feed reader to
            follow it. <a href="/feeds/">About our feeds and how to subscribe</a>.
          </p>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="feed-preview__description"><xsl:value-of select="atom:feed/atom:subtitle | rss/channel/description"/></p>
          <p><a href="{atom:feed/atom:link[@rel='alternate']/@href | rss/channel/link}">Open the website</a></p>
          <ol class="feed-preview__entries" role="list">
            <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li class="feed-preview__entry">
      <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p class="feed-preview__date"><time datetime="{atom:published}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time></p>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>

  <xsl:template match="item">
    <li class="feed-preview__entry">
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <p class="feed-preview__date"><xsl:value-of select="pubDate"/></p>
      <!-- An RSS description is HTML: the summary's text with & < > as entities, written as they are. -->
      <p><xsl:value-of select="description" disable-output-escaping="yes"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
