# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import logging
import traceback

from lxml import html
from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import safe_eval

_logger = logging.getLogger(__name__)


class MailTemplate(models.Model):
    _inherit = "mail.template"

    @api.model
    def _render_template_qweb(self, template_src, model, res_ids, add_context=None, options=None):
        """Salon messages go out in batches of hundreds (context key ``salon_batch_render``): compile the
        QWeb body once per batch, instead of once per record as the generic renderer does (tens of ms
        each), then render it for every record. Same values, options and errors as the generic path;
        restricted renderings (not a template editor) keep the generic path and its checks."""
        restricted = (
            not self._unrestricted_rendering
            and not self.env.is_admin()
            and not self.env.user.has_group("mail.group_mail_template_editor")
        )
        if (
            not self.env.context.get("salon_batch_render")
            or restricted
            or len(res_ids) < 2
            or not template_src
            or not self._has_unsafe_expression_template_qweb(template_src, model)
        ):
            return super()._render_template_qweb(template_src, model, res_ids, add_context, options)
        variables = self._render_eval_context()
        variables.update(add_context or {})
        qweb = self.env["ir.qweb"].with_context(**(options or {}))
        functions, name = qweb._prepare_environment(dict(variables))._compile(
            html.fragment_fromstring(template_src, create_parent="div")
        )
        results = {}
        for record in self.env[model].browse(res_ids):
            values = dict(variables, object=record)
            renderer = qweb._prepare_environment(values)
            safe_eval.check_values(values)
            try:
                # without the <div> added to wrap several top nodes into one
                results[record.id] = Markup("".join(functions[name](renderer, values))[5:-6])
            except Exception as error:
                _logger.info("Failed to render template: %s", template_src, exc_info=True)
                raise UserError(
                    self.env._(
                        "Failed to render QWeb template: %(template_src)s\n\n%(template_traceback)s)",
                        template_src=template_src,
                        template_traceback=traceback.format_exc(),
                    )
                ) from error
        return results
