// Shows that scripts run, and sends what is typed to the server on submit,
// so the tests can see the request recorder catch it.
document.getElementById("uitvoer").textContent = "Script draait";
document.getElementById("formulier").addEventListener("submit", (e) => {
  e.preventDefault();
  fetch("echo?naam=" + encodeURIComponent(document.getElementById("veld").value));
});
