/* Swedish labels for django-prose-editor's toolbar in the admin, and an
 * accessible name for its editable area.
 *
 * The editor builds its toolbar buttons with fixed English titles (its
 * dialogs already use window.gettext). This script, loaded before the editor,
 * translates each button's title and aria-label, and the names in the block
 * type menu, through the admin's JavaScript catalogue (admin:jsi18n, which
 * includes locale/sv/LC_MESSAGES/djangojs.po), also when the editor swaps
 * buttons later. Without it the editor works, in English.
 */
(function () {
  "use strict";

  var gettext = window.gettext || function (text) { return text; };
  var noop = window.gettext_noop || function (text) { return text; };
  // Listed so `makemessages -d djangojs` keeps them in the catalogue.
  noop("paragraph"); noop("Paragraph"); noop("heading 1"); noop("heading 2");
  noop("heading 3"); noop("heading 4"); noop("heading 5"); noop("heading 6");
  noop("Heading 1"); noop("Heading 2"); noop("Heading 3"); noop("Heading 4");
  noop("Heading 5"); noop("Heading 6"); noop("unordered list"); noop("ordered list");
  noop("bold"); noop("italic"); noop("underline"); noop("strike");
  noop("subscript"); noop("superscript"); noop("blockquote"); noop("horizontal rule");
  noop("insert link"); noop("remove link"); noop("undo"); noop("redo");
  noop("edit HTML"); noop("Insert table"); noop("figure"); noop("Code");

  function translateAttribute(element, name) {
    var text = element.getAttribute(name);
    var translated = text && gettext(text);
    if (translated && translated !== text) {
      element.setAttribute(name, translated);
    }
  }

  function translate(root) {
    root.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach(
      function (element) {
        translateAttribute(element, "title");
        translateAttribute(element, "aria-label");
      }
    );
    root.querySelectorAll(".prose-menubar__option > *").forEach(function (element) {
      var translated = gettext(element.textContent);
      if (translated !== element.textContent) {
        element.textContent = translated;
      }
    });
  }

  // The editable area is a div with role="textbox": give it the field's label
  // as its accessible name, as the hidden textarea had (WCAG 4.1.2).
  function nameEditable(textarea, editor) {
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    var dom = editor && editor.view && editor.view.dom;
    if (label && dom && !dom.hasAttribute("aria-label")) {
      dom.setAttribute("aria-label", label.textContent.trim().replace(/:$/, ""));
    }
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var root = event.target.closest(".prose-editor") || event.target.parentElement;
    if (!root) {
      return;
    }
    nameEditable(event.target, event.detail && event.detail.editor);
    translate(root);
    // The block type menu shows a copy of the current block's button.
    new MutationObserver(function () { translate(root); }).observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title", "aria-label"],
    });
  });
})();
