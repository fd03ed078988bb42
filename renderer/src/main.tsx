document.getElementById("root")!.textContent = "ParkDesk";
