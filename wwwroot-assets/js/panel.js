// Small browser helpers the panel calls through JS interop.
window.webHookPanel = {
    copyText: async function (text) {
        if (navigator.clipboard && window.isSecureContext) {
            await navigator.clipboard.writeText(text);
            return true;
        }

        // Plain http on a LAN has no async clipboard: fall back to a hidden text area.
        const area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        const copied = document.execCommand("copy");
        document.body.removeChild(area);
        return copied;
    },
    guardUnload: function (on) {
        window.onbeforeunload = on ? function (e) { e.preventDefault(); return ""; } : null;
    }
};
