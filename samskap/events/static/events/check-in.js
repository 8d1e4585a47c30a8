// The check-in desk: scan QR codes with the phone's camera where the browser can read them
// (the BarcodeDetector API), and get the code field ready for the next arrival after each check-in.
// Without this file (or without a camera) staff type the code or search by name.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-check-in-code]");
  if (!form) return;
  const input = form.querySelector("input[name=code]");
  const startButton = form.querySelector("[data-camera-start]");
  const stopButton = form.querySelector("[data-camera-stop]");
  const panel = form.querySelector("[data-camera]");
  const video = form.querySelector("[data-camera-video]");
  const status = form.querySelector("[data-camera-status]");
  let stream = null;
  let timer = null;
  let lastCode = "";
  let lastAt = 0;

  // After an htmx check-in, empty the field for the next person (the result shows above).
  form.addEventListener("htmx:afterRequest", () => {
    input.value = "";
    if (!stream) input.focus();
  });

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
    panel.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
    startButton.focus();
  };

  const start = async () => {
    try {
      const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      video.srcObject = stream;
      video.style.maxWidth = "100%";
      video.style.height = "auto";
      await video.play();
      panel.hidden = false;
      startButton.hidden = true;
      stopButton.hidden = false;
      stopButton.focus();
      status.textContent = status.dataset.cameraReady;
      timer = setInterval(async () => {
        if (video.readyState < 2) return;
        let codes = [];
        try {
          codes = await detector.detect(video);
        } catch (error) {
          return;
        }
        if (!codes.length) return;
        const code = codes[0].rawValue;
        // The same badge held in front of the camera is read many times a second: send it once.
        if (code === lastCode && Date.now() - lastAt < 5000) return;
        lastCode = code;
        lastAt = Date.now();
        input.value = code;
        form.requestSubmit();
      }, 250);
    } catch (error) {
      if (stream) stop();
      panel.hidden = false;
      status.textContent = status.dataset.cameraFailed;
    }
  };

  const canScan = async () => {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return false;
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      return formats.includes("qr_code");
    } catch (error) {
      return false;
    }
  };

  canScan().then((ok) => {
    if (!ok) return;
    startButton.hidden = false;
    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", stop);
  });
  window.addEventListener("pagehide", () => { if (stream) stop(); });
});
