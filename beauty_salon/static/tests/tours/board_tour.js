import { registry } from "@web/core/registry";

/**
 * Geometry of the board for a test: the top (px, relative to a column) of ``hhmm`` wall-clock time.
 */
function topOf(hhmm) {
    const grid = document.querySelector(".o_beauty_board_grid");
    const [hours, minutes] = hhmm.split(":").map(Number);
    return (hours * 60 + minutes - Number(grid.dataset.minuteFrom)) * Number(grid.dataset.pxPerMinute);
}

function column(master) {
    return `.o_beauty_board_column[data-name='${master}']`;
}

/** Drag the anchor booking so that its top lands on ``hhmm`` in the column of ``master``. */
function dragTo(master, hhmm) {
    return async (helpers) => {
        // The drag grabs the block in its middle: the pointer goes half its height below the new top.
        const grab = helpers.anchor.getBoundingClientRect().height / 2;
        await helpers.drag_and_drop(column(master), {
            position: { top: topOf(hhmm) + grab, left: 20 },
            relative: true,
        });
    };
}

registry.category("web_tour.tours").add("beauty_salon_board_tour", {
    url: "/odoo/salon-board",
    steps: () => [
        {
            content: "Open the day of the test bookings",
            trigger: ".o_beauty_board input.o_beauty_board_date",
            run(helpers) {
                helpers.anchor.value = "2030-03-04";
                helpers.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Every master has a column",
            trigger: ".o_beauty_board_header:contains('Irina Master')",
        },
        {
            content: "The day's bookings are on the board",
            trigger: `${column("Anna Master")} .o_beauty_board_booking:contains('Client Ivanova'):contains('10:00')`,
        },
        {
            content: "Lunch is shaded as non-working time",
            trigger: `${column("Olga Master")} .o_beauty_board_shade_off`,
        },
        {
            content: "Click an empty cell of Irina at 15:00",
            trigger: column("Irina Master"),
            run(helpers) {
                const rect = helpers.anchor.getBoundingClientRect();
                helpers.anchor.dispatchEvent(
                    new MouseEvent("click", {
                        bubbles: true,
                        clientX: rect.left + 20,
                        clientY: rect.top + topOf("15:00") + 2,
                    })
                );
            },
        },
        {
            content: "The booking form opens with the master filled in",
            trigger: ".modal .o_field_widget[name=master_id] input",
            run() {
                if (!this.anchor.value.includes("Irina Master")) {
                    throw new Error(`The master is not pre-filled: ${this.anchor.value}`);
                }
            },
        },
        {
            content: "Choose the client",
            trigger: ".modal .o_field_widget[name=partner_id] input",
            run: "edit Client Sidorova",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Client Sidorova')",
            run: "click",
        },
        {
            content: "Choose the service",
            trigger: ".modal .o_field_widget[name=service_id] input",
            run: "edit Manicure",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Manicure')",
            run: "click",
        },
        {
            content: "The form shows the next free times",
            trigger: ".modal .o_field_widget[name=next_free_times]:contains('Irina Master')",
        },
        {
            content: "Save the booking",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The new booking is on the board at 15:00",
            trigger: `body:not(:has(.modal)) ${column("Irina Master")} .o_beauty_board_booking:contains('Client Sidorova'):contains('15:00')`,
        },
        {
            content: "Pull the lower edge of the new booking down to 16:30",
            trigger: `${column("Irina Master")} .o_beauty_board_booking:contains('Client Sidorova') .o_beauty_board_resize`,
            async run(helpers) {
                // Keep the drop away from the scroller's edges, where the board scrolls by itself.
                document.querySelector(".o_beauty_board_scroller").scrollTop = topOf("13:00");
                // The end snaps to the scale step after the pointer: drop it within 16:15-16:30.
                await helpers.drag_and_drop(column("Irina Master"), {
                    position: { top: topOf("16:15"), left: 20 },
                    relative: true,
                });
            },
        },
        {
            content: "The booking now lasts until 16:30",
            trigger: `${column("Irina Master")} .o_beauty_board_booking:contains('Client Sidorova'):contains('15:00–16:30')`,
            run() {
                document.querySelector(".o_beauty_board_scroller").scrollTop = 0;
            },
        },
        {
            content: "Drag Ivanova's haircut to Irina at 10:00",
            trigger: `${column("Anna Master")} .o_beauty_board_booking:contains('Client Ivanova')`,
            run: dragTo("Irina Master", "10:00"),
        },
        {
            content: "The haircut is now Irina's",
            trigger: `${column("Irina Master")} .o_beauty_board_booking:contains('Client Ivanova'):contains('10:00')`,
        },
        {
            trigger: `${column("Anna Master")}:not(:has(.o_beauty_board_booking))`,
        },
        {
            content: "Drag Petrova's manicure onto Irina's haircut",
            trigger: `${column("Olga Master")} .o_beauty_board_booking:contains('Client Petrova')`,
            run: dragTo("Irina Master", "10:30"),
        },
        {
            // "Master Irina Master is already booked from ... (visit ...)", in the user's language.
            content: "The server refuses the overlap and says why",
            trigger:
                ".o_notification:has(.o_notification_bar.bg-danger) .o_notification_content:contains('Irina Master'):contains('VISIT-IVANOVA')",
        },
        {
            content: "The manicure snapped back to Olga at 12:00",
            trigger: `${column("Olga Master")} .o_beauty_board_booking:contains('Client Petrova'):contains('12:00')`,
        },
        {
            trigger: `body:not(:has(.o_beauty_board_ghost)) ${column("Irina Master")}:not(:has(.o_beauty_board_booking:contains('Client Petrova')))`,
        },
    ],
});
