# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Token links sent to clients: confirm or cancel one visit, and see one's upcoming visits.

A visit link carries the visit's own access token; the "my visits" link carries the client's token.
Neither can be guessed (random), and neither opens another client's visit.
"""

from datetime import timedelta

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import request
from odoo.tools import consteq


class SalonClientLinks(http.Controller):
    def _visit(self, visit_id, access_token):
        # sudo: the token, compared in constant time, is the client's proof of access to this visit only.
        visit = request.env["beauty.visit"].sudo().browse(int(visit_id)).exists()
        if (
            not visit
            or not access_token
            or not visit.access_token
            # bytes: a token with non-ASCII characters is a wrong token, not a server error.
            or not consteq(visit.access_token.encode(), str(access_token).encode())
        ):
            raise NotFound()
        return visit

    def _can_confirm(self, visit):
        return visit.state == "draft" and visit.date_start and visit.date_start > fields.Datetime.now()

    def _can_cancel(self, visit):
        deadline = timedelta(hours=visit.company_id.salon_client_cancel_hours)
        return (
            visit.state in ("draft", "confirmed")
            and visit.date_start
            and visit.date_start - deadline > fields.Datetime.now()
        )

    def _render_visit(self, visit, message=None, status=200):
        tz = visit.company_id._salon_tz()
        return request.render(
            "beauty_salon.client_visit_page",
            {
                "visit": visit,
                "message": message,
                "can_confirm": self._can_confirm(visit),
                "can_cancel": self._can_cancel(visit),
                "local_time": lambda moment: fields.Datetime.context_timestamp(
                    visit.with_context(tz=tz.zone), moment
                ),
            },
            status=status,
        )

    @http.route("/salon/visit/<int:visit_id>", type="http", auth="public", methods=["GET"], sitemap=False)
    def visit_page(self, visit_id, access_token=None, **_kw):
        return self._render_visit(self._visit(visit_id, access_token))

    @http.route(
        "/salon/visit/<int:visit_id>/confirm", type="http", auth="public", methods=["POST"], sitemap=False
    )
    def visit_confirm(self, visit_id, access_token=None, **_kw):
        visit = self._visit(visit_id, access_token)
        if not self._can_confirm(visit):
            return self._render_visit(
                visit, request.env._("This visit can no longer be confirmed here."), status=409
            )
        visit.action_confirm()
        visit.message_post(body=request.env._("Confirmed by the client through the link."))
        return self._render_visit(visit, request.env._("Thank you, your visit is confirmed."))

    @http.route(
        "/salon/visit/<int:visit_id>/cancel", type="http", auth="public", methods=["POST"], sitemap=False
    )
    def visit_cancel(self, visit_id, access_token=None, **_kw):
        visit = self._visit(visit_id, access_token)
        if not self._can_cancel(visit):
            return self._render_visit(
                visit, request.env._("It is too late to cancel online; please call the salon."), status=409
            )
        visit.action_cancel(request.env._("Cancelled by the client through the link"))
        return self._render_visit(visit, request.env._("Your visit is cancelled."))

    @http.route("/salon/my/<string:token>", type="http", auth="public", methods=["GET"], sitemap=False)
    def my_visits(self, token, **_kw):
        # sudo: the client's random token (an exact match) shows her own upcoming visits only.
        if not token or len(token) != 32:
            raise NotFound()
        partner = request.env["res.partner"].sudo().search([("salon_access_token", "=", token)], limit=1)
        if not partner or not consteq(partner.salon_access_token, token):
            raise NotFound()
        visits = (
            request.env["beauty.visit"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("state", "in", ("draft", "confirmed")),
                    ("date_start", ">", fields.Datetime.now()),
                ],
                order="date_start",
            )
        )
        for visit in visits:
            visit._portal_ensure_token()
        return request.render(
            "beauty_salon.client_my_visits",
            {
                "partner": partner,
                "visits": visits,
                "local_time": lambda visit: fields.Datetime.context_timestamp(
                    visit.with_context(tz=visit.company_id._salon_tz().zone), visit.date_start
                ),
            },
        )
