// styles.js BOOK WHAT [PAGE] -- an unzipped EPUB's pages as reading
// systems load them: served on 127.0.0.1 to headless Chromium (Debian's,
// driven by Puppeteer), once as XHTML (application/xhtml+xml, as Apple
// Books, Kobo and Thorium parse them) and once as HTML (text/html, as
// epub.js puts them in an iframe), where no selector on epub:type
// matches.  WHAT is one check:
//
//   titlepage      the title page is centred, its title larger, in both
//   index          the index's entries hang without bullets, in both
//   chapter PAGE   the chapter's opening is centred, its note references
//                  not underlined, its notes a list without numbers of
//                  its own, each note shown, in both
//   markers PAGE   its page-break markers hold no text, in both: read as
//                  HTML, a <span/> would hold what follows it
//   hidden PAGE    with the stylesheet of a reader that hides footnote
//                  asides (Foliate's), every note's text is still shown
//
// Exits 0 if all holds, else 1, saying what differs.  BOOK is the folder
// the EPUB was unzipped into; PAGE a file of its OEBPS folder.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const puppeteer = require('puppeteer');

// What Foliate and Readest inject into every page they show.
const HIDE_ASIDES = `@namespace epub "http://www.idpf.org/2007/ops";
aside[epub|type~="endnote"], aside[epub|type~="footnote"],
aside[epub|type~="note"], aside[epub|type~="rearnote"] { display: none; }`;

const TYPES = {
  '.css': 'text/css', '.png': 'image/png', '.otf': 'font/otf',
  '.xhtml': 'application/xhtml+xml',
};

// Serves root: /xhtml/F and /html/F are F, its pages typed as named.
function serve(root) {
  const server = http.createServer((req, res) => {
    const m = /^\/(x?html)\/([^?#]*)/.exec(decodeURIComponent(req.url));
    const file = m && path.join(root, path.normalize(m[2]));
    if (!m || !file.startsWith(root) || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    let type = TYPES[path.extname(file)] || 'application/octet-stream';
    if (m[1] === 'html' && type === TYPES['.xhtml'])
      type = 'text/html; charset=utf-8';
    res.writeHead(200, { 'Content-Type': type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise(ok => server.listen(0, '127.0.0.1', () => ok(server)));
}

// The computed styles and facts a check compares, read in the page.
const PROBES = {
  titlepage: () => {
    const s = document.querySelector('section.titlepage');
    const h1 = s && s.querySelector('h1');
    return s && h1 ? {
      'section text-align': getComputedStyle(s).textAlign,
      'title text-align': getComputedStyle(h1).textAlign,
      'title larger than the text': parseFloat(getComputedStyle(h1).fontSize) >
          1.5 * parseFloat(getComputedStyle(document.body).fontSize),
    } : null;
  },
  index: () => {
    const ul = document.querySelector('section.index ul');
    const li = ul && ul.querySelector('li');
    const h1 = document.querySelector('h1');
    return ul && li ? {
      'title text-align': getComputedStyle(h1).textAlign,
      'entries list-style-type': getComputedStyle(ul).listStyleType,
      'entry text-indent': getComputedStyle(li).textIndent,
      'entry margin-left': getComputedStyle(li).marginLeft,
    } : null;
  },
  chapter: () => {
    const header = document.querySelector('header');
    const ref = document.querySelector('a.noteref');
    const ol = document.querySelector('section.endnotes ol');
    const notes = [...document.querySelectorAll('li.endnote')];
    return header && ref && ol && notes.length ? {
      'opening text-align': getComputedStyle(header).textAlign,
      'note reference text-decoration':
          getComputedStyle(ref).textDecorationLine,
      'notes list-style-type': getComputedStyle(ol).listStyleType,
      'notes not shown': notes.filter(unseen).length,
    } : null;
  },
  markers: () => {
    const marks = [...document.querySelectorAll('[role="doc-pagebreak"]')];
    return marks.length ? {
      'markers holding text': marks.filter(m => m.childNodes.length > 0)
          .length,
    } : null;
  },
  hidden: () => {
    const notes = [...document.querySelectorAll('li.endnote')];
    return notes.length ? {
      'notes not shown': notes.filter(unseen).length,
    } : null;
  },
};

// Whether a note's text is not on the page: no box, or no text in it.
// Given to the page by name (the probes run there, not here).
const UNSEEN = 'window.unseen = n => n.getClientRects().length === 0 || ' +
    'n.innerText.trim().length === 0;';

// What each check must find, beyond the two parsings agreeing.
function expected(what) {
  switch (what) {
  case 'titlepage':
    return { 'section text-align': 'center', 'title text-align': 'center',
      'title larger than the text': true };
  case 'index':
    return { 'title text-align': 'center', 'entries list-style-type': 'none' };
  case 'chapter':
    return { 'opening text-align': 'center',
      'note reference text-decoration': 'none',
      'notes list-style-type': 'none', 'notes not shown': 0 };
  case 'markers':
    return { 'markers holding text': 0 };
  case 'hidden':
    return { 'notes not shown': 0 };
  }
  throw new Error('unknown check ' + what);
}

// The probe's findings on one page, loaded as kind ('xhtml' or 'html').
async function probe(browser, base, kind, page, what, css) {
  const tab = await browser.newPage();
  try {
    await tab.setViewport({ width: 800, height: 1200 });
    const res = await tab.goto(`${base}/${kind}/${page}`,
        { waitUntil: 'load' });
    if (!res || !res.ok())
      throw new Error(`${kind} ${page}: not served`);
    if (css)
      await tab.addStyleTag({ content: css });
    if (await tab.evaluate(() => !!document.querySelector('parsererror')))
      throw new Error(`${kind} ${page}: does not parse`);
    await tab.evaluate(UNSEEN);
    return await tab.evaluate(PROBES[what]);
  } finally {
    await tab.close();
  }
}

async function main() {
  const [book, what, arg] = process.argv.slice(2);
  const page = { titlepage: 'titlepage.xhtml', index: 'index.xhtml' }[what]
      || arg;
  if (!book || !PROBES[what] || !page) {
    console.error('usage: styles.js BOOK titlepage|index|chapter|markers|' +
        'hidden [PAGE]');
    return 2;
  }
  const server = await serve(path.resolve(book, 'OEBPS'));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ||
        '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update'],
  });
  const bad = [];
  try {
    const kinds = what === 'hidden' ? ['xhtml'] : ['xhtml', 'html'];
    const got = {};
    for (const kind of kinds)
      got[kind] = await probe(browser, base, kind, page, what,
          what === 'hidden' ? HIDE_ASIDES : null);
    for (const kind of kinds)
      if (!got[kind])
        bad.push(`${kind}: ${page} lacks what the check reads`);
    if (!bad.length) {
      const want = expected(what);
      for (const [key, value] of Object.entries(got.xhtml)) {
        if (got.html && got.html[key] !== value)
          bad.push(`${key}: '${value}' as XHTML, '${got.html[key]}' as HTML`);
        if (key in want && want[key] !== value)
          bad.push(`${key}: '${value}', not '${want[key]}'`);
      }
      console.log(JSON.stringify(got));
    }
  } finally {
    await browser.close();
    server.close();
  }
  bad.forEach(b => console.log(b));
  return bad.length ? 1 : 0;
}

main().then(code => { process.exitCode = code; },
    e => { console.error(e.message); process.exitCode = 1; });
