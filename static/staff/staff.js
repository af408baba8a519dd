/* The staff workspace, better with JavaScript: everything works without it.
 *
 * - The error summary of a refused form gets focus, so screen readers read it first.
 * - List editors (templates/staff/_list_editor.html) get buttons to add, remove and move
 *   items in place. The form still posts the same fields: the rows are renumbered after
 *   every change, so row n has the names "<key>-n-…" and position n, as without script.
 */
(function () {
  "use strict";

  // The summary gets focus; its links move focus to their field (a plain fragment link
  // would only scroll) and show the field's label or legend with it.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
      return;
    }
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) {
        return;
      }
      event.preventDefault();
      var fieldset = field.type === "checkbox" ? field.closest("fieldset") : null;
      var label = fieldset ? fieldset.querySelector("legend") : document.querySelector("label[for='" + field.id + "']");
      (label || field).scrollIntoView();
      field.focus({preventScroll: true});
    });
  }

  function button(text, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button button--secondary button--small " + className;
    element.textContent = text;
    return element;
  }

  function ListEditor(fieldset) {
    this.fieldset = fieldset;
    this.key = fieldset.getAttribute("data-list-editor");
    this.list = fieldset.querySelector(".list-editor__rows");
    this.template = this.lastRow().cloneNode(true);
    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    fieldset.appendChild(this.status);
    fieldset.classList.add("list-editor--enhanced");
    var hint = fieldset.querySelector("[data-list-hint]");
    if (hint) {
      hint.textContent = "Eén punt per vak. Met de knoppen bij een punt verplaatst of verwijdert u het; " +
        "met ‘Punt toevoegen’ krijgt u een nieuw leeg vak.";
    }
    this.rows().forEach(this.addTools, this);
    var add = button("Punt toevoegen", "list-editor__add");
    add.addEventListener("click", this.add.bind(this));
    fieldset.appendChild(add);
    this.addButton = add;
  }

  ListEditor.prototype.rows = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("[data-list-row]"));
  };

  ListEditor.prototype.lastRow = function () {
    var rows = this.list.querySelectorAll("[data-list-row]");
    return rows[rows.length - 1];
  };

  ListEditor.prototype.addTools = function (row) {
    var tools = document.createElement("div");
    tools.className = "list-editor__tools";
    var up = button("Omhoog", "list-editor__up");
    var down = button("Omlaag", "list-editor__down");
    var remove = button("Verwijderen", "list-editor__delete");
    up.addEventListener("click", this.move.bind(this, row, -1));
    down.addEventListener("click", this.move.bind(this, row, 1));
    remove.addEventListener("click", this.remove.bind(this, row));
    tools.appendChild(up);
    tools.appendChild(down);
    tools.appendChild(remove);
    row.appendChild(tools);
  };

  ListEditor.prototype.move = function (row, step, event) {
    var rows = this.rows();
    var index = rows.indexOf(row) + step;
    if (index < 0 || index >= rows.length) {
      return;
    }
    if (step < 0) {
      this.list.insertBefore(row, rows[index]);
    } else {
      this.list.insertBefore(row, rows[index].nextSibling);
    }
    this.renumber();
    event.currentTarget.focus();
    this.announce("Verplaatst naar plaats " + (index + 1) + ".");
  };

  ListEditor.prototype.remove = function (row) {
    var rows = this.rows();
    var next = rows[rows.indexOf(row) + 1] || rows[rows.indexOf(row) - 1];
    this.list.removeChild(row);
    if (!this.rows().length) {
      this.add();
      return;
    }
    this.renumber();
    var target = next ? next.querySelector("textarea, input[type=text]") : this.addButton;
    target.focus();
    this.announce("Punt verwijderd.");
  };

  ListEditor.prototype.add = function () {
    var row = this.template.cloneNode(true);
    Array.prototype.forEach.call(row.querySelectorAll("textarea, input[type=text], input[type=url]"), function (input) {
      input.value = "";
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    });
    Array.prototype.forEach.call(row.querySelectorAll(".field-error"), function (error) {
      error.parentNode.removeChild(error);
    });
    row.classList.remove("field--error");
    this.list.appendChild(row);
    this.addTools(row);
    this.renumber();
    row.querySelector("textarea, input[type=text]").focus();
  };

  // Row n gets the names and ids "<key>-n-…" and position n, and its labels say n.
  ListEditor.prototype.renumber = function () {
    var pattern = new RegExp("^(id_)?" + this.key + "-\\d+");
    this.rows().forEach(function (row, index) {
      var number = index + 1;
      var prefix = this.key + "-" + number;
      Array.prototype.forEach.call(row.querySelectorAll("[name], [id], [for], [aria-describedby]"), function (element) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
          var value = element.getAttribute(attribute);
          if (value) {
            element.setAttribute(attribute, value.replace(pattern, function (match, id) {
              return (id || "") + prefix;
            }));
          }
        });
      });
      Array.prototype.forEach.call(row.querySelectorAll("label[data-label]"), function (label) {
        label.textContent = label.getAttribute("data-label") + " " + number;
      });
      row.querySelector("input[type=number]").value = number;
    }, this);
  };

  ListEditor.prototype.announce = function (text) {
    this.status.textContent = text;
  };

  function enhanceListEditors() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-list-editor]"), function (fieldset) {
      return new ListEditor(fieldset);
    });
  }

  focusErrorSummary();
  enhanceListEditors();
}());
