// The enquiry form's progressive enhancement: checks fields as people type, sends the form with fetch
// (one Idempotency-Key per content, so a double click or a retry stores one enquiry), puts the API's
// problem+json errors next to their fields in the page's language, and announces what happened.
// Without this script the form posts as a plain HTML form and the server answers with a page.
(function () {
  'use strict';

  var form = document.getElementById('enquiry-form');
  var configElement = document.getElementById('form-config');
  if (!form || !configElement || !window.fetch || !window.URLSearchParams || !window.FormData) {
    return;
  }

  var config = JSON.parse(configElement.textContent);
  var messages = config.messages;
  var summary = document.getElementById('error-summary');
  var summaryList = document.getElementById('error-summary-list');
  var announcer = document.getElementById('announcer');
  var submitButton = document.getElementById('send');
  var intro = document.getElementById('intro');
  var result = document.getElementById('result');
  var touched = {};
  var idempotencyKey = null;
  var sending = false;
  var datePattern = /^\d{4}-\d{2}-\d{2}$/;
  var emailPattern = /^[^\s@<>(),;:"]+@[^\s@<>(),;:".]+(\.[^\s@<>(),;:".]+)+$/;
  var phonePattern = /^\+?(?=(?:\D*\d){6})[0-9 ()\-./]+$/;

  function format(text, values) {
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  function input(name) {
    return document.getElementById(name);
  }

  function value(name) {
    var element = input(name);
    return element ? String(element.value || '').trim() : '';
  }

  function checkedThemes() {
    return form.querySelectorAll('input[name="themes"]:checked').length;
  }

  function isField(name) {
    return Object.prototype.hasOwnProperty.call(config.labels, name);
  }

  // The same rules the API applies; where only the API can tell (a country it does not know), its
  // answer is shown when it comes.
  function check(name) {
    if (name === 'themes') {
      return checkedThemes() > config.maxThemes ? format(messages.themes, { max: config.maxThemes }) : '';
    }

    var element = input(name);
    var text = value(name);
    if (element && element.validity && element.validity.badInput) {
      return name === 'delegationSize'
        ? format(messages.delegationSize, { min: config.minDelegationSize, max: config.maxDelegationSize })
        : messages.date;
    }

    if (!text) {
      return config.required.indexOf(name) >= 0 ? messages.required : '';
    }

    var max = config.maxLengths[name];
    if (max && text.length > max) {
      return format(messages.tooLong, { max: max });
    }

    switch (name) {
      case 'contactEmail':
        return emailPattern.test(text) ? '' : messages.contactEmail;
      case 'phone':
        return phonePattern.test(text) ? '' : messages.phone;
      case 'delegationSize': {
        var size = /^\d+$/.test(text) ? parseInt(text, 10) : NaN;
        return size >= config.minDelegationSize && size <= config.maxDelegationSize
          ? ''
          : format(messages.delegationSize, { min: config.minDelegationSize, max: config.maxDelegationSize });
      }
      case 'arrivalDate':
        return datePattern.test(text) ? '' : messages.date;
      case 'departureDate': {
        if (!datePattern.test(text)) {
          return messages.date;
        }

        var arrival = value('arrivalDate');
        return datePattern.test(arrival) && text < arrival ? messages.departureBeforeArrival : '';
      }
      default:
        return '';
    }
  }

  // The API's errors name the field; the message comes from the page's own texts.
  function serverMessage(name) {
    var local = check(name);
    if (local) {
      return local;
    }

    switch (name) {
      case 'country':
        return messages.country;
      case 'contactEmail':
        return messages.contactEmail;
      case 'phone':
        return messages.phone;
      case 'departureDate':
        return messages.departureBeforeArrival;
      case 'themes':
        return format(messages.themes, { max: config.maxThemes });
      default:
        return messages.invalid;
    }
  }

  function show(name, message) {
    var error = document.getElementById(name + '-error');
    if (!error) {
      return;
    }

    error.textContent = message;
    error.hidden = !message;
    var element = input(name);
    if (element && name !== 'themes') {
      if (message) {
        element.setAttribute('aria-invalid', 'true');
      } else {
        element.removeAttribute('aria-invalid');
      }
    }
  }

  function focusTarget(name) {
    return name === 'themes' ? form.querySelector('input[name="themes"]') : input(name);
  }

  function announce(text) {
    // Emptied first, so the same words said twice are announced twice.
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function report(errors) {
    summaryList.textContent = '';
    errors.forEach(function (error) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      var target = focusTarget(error.name);
      link.href = '#' + (target ? target.id : error.name);
      link.textContent = config.labels[error.name] + ': ' + error.message;
      item.appendChild(link);
      summaryList.appendChild(item);
      show(error.name, error.message);
    });
    summary.hidden = errors.length === 0;
    if (errors.length > 0) {
      announce(messages.summaryTitle + '. ' + errors.map(function (error) {
        return config.labels[error.name] + ': ' + error.message;
      }).join(' '));
      var first = focusTarget(errors[0].name);
      if (first) {
        first.focus();
      }
    }
  }

  function checkAll() {
    var errors = [];
    config.fields.forEach(function (name) {
      var message = check(name);
      show(name, message);
      if (message) {
        errors.push({ name: name, message: message });
      }
    });
    return errors;
  }

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  function setSending(on) {
    sending = on;
    if (on) {
      submitButton.setAttribute('aria-disabled', 'true');
    } else {
      submitButton.removeAttribute('aria-disabled');
    }
  }

  function showResult(reference) {
    document.getElementById('reference').textContent = reference;
    form.hidden = true;
    summary.hidden = true;
    if (intro) {
      intro.hidden = true;
    }

    result.hidden = false;
    document.title = config.resultTitle;
    var heading = document.getElementById('result-title');
    heading.focus();
    announce(config.resultTitle + '. ' + config.referenceLabel + ': ' + reference);
  }

  function fail(message) {
    summaryList.textContent = '';
    var item = document.createElement('li');
    item.textContent = message;
    summaryList.appendChild(item);
    summary.hidden = false;
    announce(message);
    summary.focus();
  }

  function send() {
    if (!idempotencyKey) {
      idempotencyKey = newKey();
    }

    setSending(true);
    announce(messages.sending);
    window.fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
    }).then(function (response) {
      if (response.status === 202) {
        return response.json().then(function (answer) { showResult(answer.reference); });
      }

      if (response.status === 400) {
        return response.json().then(function (problem) {
          var names = problem && problem.errors ? Object.keys(problem.errors) : [];
          if (names.length === 0) {
            fail(messages.server);
            return;
          }

          var ordered = config.fields.filter(function (name) { return names.indexOf(name) >= 0; });
          report(ordered.map(function (name) { return { name: name, message: serverMessage(name) }; }));
        });
      }

      fail(messages.server);
      return null;
    }, function () {
      fail(messages.network);
    }).then(function () {
      setSending(false);
    }, function () {
      setSending(false);
      fail(messages.server);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending) {
      return;
    }

    var errors = checkAll();
    if (errors.length > 0) {
      report(errors);
      return;
    }

    summary.hidden = true;
    send();
  });

  // Errors appear once a field has been left, and change with every keystroke after that.
  form.addEventListener('input', function (event) {
    var name = event.target.name;
    if (!isField(name)) {
      return;
    }

    idempotencyKey = null;
    touched[name] = touched[name] || 'edited';
    var error = document.getElementById(name + '-error');
    if (touched[name] === 'left' || name === 'themes' || (error && !error.hidden)) {
      show(name, check(name));
    }

    if (name === 'arrivalDate' && touched.departureDate === 'left') {
      show('departureDate', check('departureDate'));
    }
  });

  // Text fields are checked when left (below); a list, a box or a date is checked as soon as it changes.
  form.addEventListener('change', function (event) {
    var name = event.target.name;
    var kind = event.target.type;
    if (isField(name) && (kind === 'select-one' || kind === 'checkbox' || kind === 'date')) {
      idempotencyKey = null;
      touched[name] = 'left';
      show(name, check(name));
    }
  });

  // Leaving a field for the send button checks everything anyway; a message appearing now would move the
  // button away from under the pointer between press and release, and the click would be lost.
  form.addEventListener('focusout', function (event) {
    var name = event.target.name;
    if (isField(name) && touched[name] && event.relatedTarget !== submitButton) {
      touched[name] = 'left';
      show(name, check(name));
    }
  });
}());
