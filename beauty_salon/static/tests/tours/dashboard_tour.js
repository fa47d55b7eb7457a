import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("beauty_salon_dashboard_tour", {
    url: "/odoo/salon-dashboard",
    steps: () => [
        {
            content: "The dashboard shows its figures",
            trigger: ".o_beauty_dashboard_kpi[data-key=revenue] .o_beauty_dashboard_value",
        },
        {
            trigger: ".o_beauty_dashboard_kpi[data-key=sleeping]",
        },
        {
            content: "Occupancy per master",
            trigger: ".o_beauty_dashboard_occupancy td:contains('Anna Master')",
        },
        {
            content: "Recompute the client analysis",
            trigger: ".o_beauty_dashboard_recompute",
            run: "click",
        },
        {
            trigger: ".o_notification:has(.o_notification_bar.bg-success)",
        },
        {
            content: "The revenue tile opens the revenue analysis",
            trigger: ".o_beauty_dashboard_kpi[data-key=revenue]",
            run: "click",
        },
        {
            trigger: ".o_pivot_view",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "A segment opens its clients",
            trigger: ".o_beauty_dashboard_rfm tr[data-segment=champions]",
            run: "click",
        },
        {
            trigger: ".o_list_view",
        },
    ],
});
