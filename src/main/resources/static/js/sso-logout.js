// After the logout of a single sign-on session: go on to the identity provider's end-session
// address at once (RP-initiated logout). The link stays for browsers without scripts.
(function () {
  var link = document.getElementById('provider-logout');
  if (link && link.getAttribute('data-follow') === 'auto') {
    window.location.assign(link.href);
  }
})();
