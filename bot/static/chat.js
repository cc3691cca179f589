// Web chat and local SMS simulator. Replies are shown with textContent: never as HTML.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("send");
  var input = document.getElementById("text");
  var session = sessionStorage.getItem("chat-session");
  if (!session) {
    session = "web-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
    sessionStorage.setItem("chat-session", session);
  }

  function show(text, who) {
    var li = document.createElement("li");
    li.className = who;
    li.textContent = text;
    log.appendChild(li);
    li.scrollIntoView({block: "end"});
  }

  function mode() {
    var picked = document.querySelector("input[name=mode]:checked");
    return picked ? picked.value : "chat";
  }

  function sendChat(text) {
    return fetch("/chat/messages", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({session: session, text: text})
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data.error || ("HTTP " + r.status)); }
        return data.replies;
      });
    });
  }

  function sendSms(text) {
    var body = new URLSearchParams({
      From: document.getElementById("phone").value, To: "+15555550199", Body: text,
      MessageSid: "SMsim" + Date.now() + Math.random().toString(16).slice(2, 8), NumMedia: "0"
    });
    return fetch("/sms", {method: "POST", body: body}).then(function (r) {
      return r.text().then(function (xml) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        var doc = new DOMParser().parseFromString(xml, "application/xml");
        return Array.prototype.map.call(doc.getElementsByTagName("Message"),
          function (m) { return m.textContent; });
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    show(text, "me");
    (mode() === "sms" ? sendSms(text) : sendChat(text)).then(function (replies) {
      replies.forEach(function (reply) { show(reply, "bot"); });
    }).catch(function (err) {
      show("Could not send: " + err.message, "error");
    });
  });
})();
