/** @odoo-module **/

import { registry } from "@web/core/registry";

function contactSteps(name, phone) {
    return [
        { content: "Name", trigger: "input[name=name]", run: `edit ${name}` },
        { content: "Phone in a local format", trigger: "input[name=phone]", run: `edit ${phone}` },
        { content: "Personal data consent", trigger: "input[name=consent]", run: "check" },
        { content: "Book", trigger: "button.o_salon_book", run: "click", expectUnloadPage: true },
    ];
}

registry.category("web_tour.tours").add("beauty_salon_online_booking", {
    steps: () => [
        { content: "Pick the first free time", trigger: "a.o_salon_time", run: "click", expectUnloadPage: true },
        { content: "The chosen time is shown", trigger: ".o_salon_chosen_time" },
        ...contactSteps("Анна Онлайн", "8 916 555-44-33"),
        { content: "Booked", trigger: ".o_salon_booked" },
    ],
});

registry.category("web_tour.tours").add("beauty_salon_online_booking_taken", {
    steps: () => [
        ...contactSteps("Мария Опоздавшая", "+7 926 555-44-33"),
        { content: "The time was taken meanwhile", trigger: ".o_salon_taken" },
        { content: "Take the next free time", trigger: "a.o_salon_next_time", run: "click", expectUnloadPage: true },
        ...contactSteps("Мария Опоздавшая", "+7 926 555-44-33"),
        { content: "Booked", trigger: ".o_salon_booked" },
    ],
});
