// The injection corpus of the security tests (tests/e2e/security.test.mjs): strings a
// hostile checklist author, share link or other script on the origin could put where
// the widget shows text. Every payload that could run tries to set the canary global
// `window.__xss` (from a frame: `parent.__xss`/`top.__xss`); some also clobber it
// (`<img name=__xss>`), so either running or being parsed as markup in the document
// shows. The widget must show each one as the very characters it is.
//
// Grouped by kind; `PAYLOADS` is the flat list, `UNSAFE_HREFS` the addresses that must
// never become a link, `SAFE_ODD_HREFS` allowed addresses that look alarming.

/** The canary global every payload tries to set. */
export const CANARY = '__xss';

const S = 'window.__xss=1';

export const CATEGORIES = {
  'script tags': [
    `<script>${S}</script>`,
    `<SCRIPT>${S}</SCRIPT>`,
    `<script type="module">${S}</script>`,
    `<script src="data:text/javascript,${S}"></script>`,
    `<script>/*</script><script>*/${S}</script>`,
    `<scr<script>ipt>${S}</scr</script>ipt>`,
    `<script\x20type="text/javascript">${S};</script>`,
    `<script>${S}//`,
    `<script async defer>${S}</script >`,
    `<script/xss>${S}</script>`,
  ],
  'event-handler attributes': [
    `<img src=x onerror="${S}">`,
    `<img src=x onerror=${S}>`,
    `<IMG SRC=x ONERROR="${S}">`,
    `<img/src=x/onerror=${S}>`,
    `<img src="x" onerror="&#119;indow.__xss=1">`,
    `<svg onload="${S}"></svg>`,
    `<body onload="${S}">`,
    `<input autofocus onfocus="${S}">`,
    `<select autofocus onfocus="${S}"></select>`,
    `<textarea autofocus onfocus="${S}"></textarea>`,
    `<details open ontoggle="${S}"><summary>x</summary></details>`,
    `<video><source onerror="${S}"></video>`,
    `<audio src=x onerror="${S}">`,
    `<div popover id=p onbeforetoggle="${S}">x</div>`,
    `<marquee onstart="${S}">x</marquee>`,
    `<img srcset="x" onerror="${S}">`,
    `<style onload="${S}"></style>`,
    `<div onpointerenter="${S}" style="position:fixed;inset:0">x</div>`,
  ],
  'javascript: URLs': [
    `<a href="javascript:${S}">x</a>`,
    `<a href="JaVaScRiPt:${S}">x</a>`,
    `<a href="jav&#x09;ascript:${S}">x</a>`,
    `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${S}">x</a>`,
    `<a href=" javascript:${S}">x</a>`,
    `<iframe src="javascript:parent.__xss=1"></iframe>`,
    `<form action="javascript:${S}"><button>x</button></form>`,
    `<button formaction="javascript:${S}">x</button>`,
    `<a href="javascript://%0a${S}">x</a>`,
    `<a href="java\nscript:${S}">x</a>`,
  ],
  'data: URLs': [
    `<iframe src="data:text/html,<script>parent.__xss=1</script>"></iframe>`,
    `<object data="data:text/html,<script>parent.__xss=1</script>"></object>`,
    `<embed src="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==">`,
    `<a href="data:text/html,<script>opener.__xss=1</script>">x</a>`,
    `<img src="data:image/svg+xml,<svg onload='top.__xss=1' xmlns='http://www.w3.org/2000/svg'/>">`,
    `<link rel="stylesheet" href="data:text/css,*{background:url(javascript:${S})}">`,
  ],
  'SVG tricks': [
    `<svg><script>${S}</script></svg>`,
    `<svg><animate onbegin="${S}" attributeName="x" dur="1s"/></svg>`,
    `<svg><a xlink:href="javascript:${S}"><text x="0" y="20">x</text></a></svg>`,
    `<svg><set attributeName="href" to="javascript:${S}"/></svg>`,
    `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='top.__xss=1'/></svg>#x"/></svg>`,
    `<svg><foreignObject><img src=x onerror="${S}"></foreignObject></svg>`,
    `<svg><style><img src=x onerror="${S}"></style></svg>`,
    `<svg><script href="data:,${S}"/></svg>`,
    `<svg><image href="x" onerror="${S}"/></svg>`,
  ],
  'MathML tricks': [
    `<math><mtext><table><mglyph><style><img src=x onerror="${S}">`,
    `<math><maction actiontype="statusline" xlink:href="javascript:${S}">x</maction></math>`,
    `<math href="javascript:${S}"><mi>x</mi></math>`,
    `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=x onerror=${S}&gt;">`,
    `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror="${S}">`,
    `<math><annotation-xml encoding="text/html"><img src=x onerror="${S}"></annotation-xml></math>`,
  ],
  'broken and encoded entities': [
    `&lt;script&gt;${S}&lt;/script&gt;`,
    `&#60;img src=x onerror=${S}&#62;`,
    `&#x3C;svg onload=${S}&#x3E;`,
    `&lt img src=x onerror=${S} &gt`,
    `&amp;lt;script&amp;gt;${S}&amp;lt;/script&amp;gt;`,
    `&#0000060;img src=x onerror=${S}&#0000062;`,
    `javascript&colon;${S}`,
    `&NewLine;<img src=x onerror=${S}>&Tab;`,
    `&#x;&#;&lt&gt&amp<b>&`,
    `\\u003cimg src=x onerror=${S}\\u003e`,
    `%3Cscript%3E${S}%3C%2Fscript%3E`,
  ],
  'attribute and markup breakouts': [
    `"><script>${S}</script>`,
    `'><img src=x onerror=${S}>`,
    `\`><img src=x onerror=${S}>`,
    `" onmouseover="${S}" x="`,
    `' autofocus onfocus='${S}' x='`,
    `</textarea><script>${S}</script>`,
    `</title><script>${S}</script>`,
    `--><script>${S}</script><!--`,
    `]]><script>${S}</script>`,
    `</noscript><img src=x onerror=${S}>`,
    `<!--<img src="--><img src=x onerror=${S}>">`,
    `<noscript><p title="</noscript><img src=x onerror=${S}>">`,
    `</legend></fieldset><img src=x onerror=${S}>`,
    `</span></label><img src=x onerror=${S}>`,
    `<![CDATA[<script>${S}</script>]]>`,
  ],
  'style and script breakouts': [
    `</style><script>${S}</script>`,
    `</script><script>${S}</script>`,
    `<style>*{background:url("javascript:${S}")}</style>`,
    `<div style="background-image:url(javascript:${S})">x</div>`,
    `<div style="width:expression(${S})">x</div>`,
    `<style>@import "javascript:${S}";</style>`,
    `<style>:host{display:none!important}</style>`,
    `</style><style>*{display:none}</style>`,
  ],
  'frames, base, meta, object, embed': [
    `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
    `<iframe srcdoc="&lt;img src=x onerror=parent.__xss=1&gt;"></iframe>`,
    `<base href="javascript:${S}//">`,
    `<base href="//evil.example/">`,
    `<meta http-equiv="refresh" content="0;url=javascript:${S}">`,
    `<meta http-equiv="set-cookie" content="xss=1">`,
    `<object data="javascript:${S}"></object>`,
    `<embed src="javascript:${S}">`,
    `<frameset onload="${S}"><frame src="javascript:${S}"></frameset>`,
    `<link rel="import" href="data:text/html,<script>${S}</script>">`,
    `<portal src="javascript:${S}"></portal>`,
  ],
  'template injection': [
    `{{constructor.constructor('${S}')()}}`,
    `{{$on.constructor('${S}')()}}`,
    `\${${S}}`,
    `#{${S}}`,
    `<%= ${S} %>`,
    `[[constructor.constructor('${S}')()]]`,
    `<div ng-app>{{$eval.constructor('${S}')()}}</div>`,
    `{answered}{total}{verdict}{change}{action}{answer}{question}{factor}{score}{min}{max}{why}<b>`,
    `{{{{}}}}{}{{verdict}}{{{change}}}`,
    `{% ${S} %}{{ 7*7 }}`,
  ],
  'custom elements and clobbering': [
    `<ai-cert-check src="data:application/json,{}"></ai-cert-check>`,
    `<img name="__xss" src="x">`,
    `<form name="__xss"></form><a id="__xss" href="#">x</a>`,
    `<slot name="x"></slot><template shadowrootmode="open"><img src=x onerror=${S}></template>`,
    `<template><img src=x onerror=${S}></template>`,
    `<x:script xmlns:x="http://www.w3.org/1999/xhtml">${S}</x:script>`,
    `<?xml-stylesheet href="javascript:${S}"?>`,
  ],
  'unicode and NUL tricks': [
    `\u202e<img src=x onerror=${S}>`,
    `<scr\u0000ipt>${S}</scr\u0000ipt>`,
    `\u0000<img src=x onerror=${S}>`,
    `\uFEFF<script>${S}</script>`,
    `<scr\u200Bipt>${S}</scr\u200Bipt>`,
    `\uFF1Cscript\uFF1E${S}\uFF1C/script\uFF1E`,
    `\u2028<img src=x onerror=${S}>\u2029`,
    `\uD83D\uDCA5<svg onload=${S}>\u0301\u0301\u0301`,
    `\u2066\u202B<img src=x onerror=${S}>\u202C\u2069`,
    `\r\n<script>${S}</script>\r\n`,
    `\u0130\u0131\u017F<ſcript>${S}</ſcript>`,
  ],
  'very long strings': [
    `${'A'.repeat(150)}<img src=x onerror=${S}>`,
    `${'<b>'.repeat(60)}<img src=x onerror=${S}>`,
    `${'<img src=x onerror=window.__xss=1>'.repeat(28)}`,
    `${'&lt;'.repeat(240)}`,
  ],
};

/** Every payload once, in category order. */
export const PAYLOADS = Object.values(CATEGORIES).flat();

/** Where each payload comes from: its category, by payload. */
export const CATEGORY_OF = new Map(Object.entries(CATEGORIES).flatMap(([c, list]) => list.map((p) => [p, c])));

/**
 * Addresses that must never become a link: a checklist carrying one in a reading's
 * `href` is refused with a problem at that path; given by the page (`reading-links`,
 * `readingLinks`) the title shows as text.
 */
export const UNSAFE_HREFS = [
  `javascript:${S}`,
  `JaVaScRiPt:${S}`,
  ` javascript:${S}`,
  `javascript\t:${S}`,
  `java\tscript:${S}`,
  `java\nscript:${S}`,
  `java\u0000script:${S}`,
  `\u0000javascript:${S}`,
  `javascript://%0a${S}`,
  `\u202ejavascript:${S}`,
  `\uFF4Aavascript:${S}`,
  `%6Aavascript:${S}`,
  `data:text/html,<script>${S}</script>`,
  `DATA:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `vbscript:msgbox(1)`,
  `blob:http://127.0.0.1/x`,
  `file:///etc/passwd`,
  `filesystem:http://127.0.0.1/temporary/x`,
  `about:blank`,
  `chrome://settings`,
  `view-source:http://127.0.0.1/`,
  `ws://127.0.0.1/`,
  `ftp://example.com/`,
  `intent://x#Intent;scheme=javascript;end`,
  `\\\\evil.example\\x`,
  `\\/evil.example`,
  `https://example.com/ x`,
  `https://example.com/\u0000`,
];

/**
 * Allowed addresses (http(s), mailto, relative) that look alarming: they may become
 * links, and every link must still resolve to http(s) or mailto.
 */
export const SAFE_ODD_HREFS = [
  '/posts/reskill/',
  '../',
  '#top',
  `?q=%3Cscript%3E${S}`,
  `https://example.com/?q=<script>${S}</script>`,
  `mailto:a@example.com?subject=<img/src=x/onerror=${S}>`,
  `http:javascript:${S}`,
  '//example.com/protocol-relative',
  `/x#javascript:${S}`,
  `jav&#x09;ascript:${S}`,
  `<img/src=x/onerror=${S}>`,
  `"><script>${S}</script>`,
];
