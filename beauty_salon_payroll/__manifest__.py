# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Beauty Salon Payroll",
    "summary": "Commission schemes, payroll periods, attendance and staff performance for salon masters",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/beauty-salon-suite/odoo-beauty-salon",
    "author": "Beauty Salon Suite",
    "license": "LGPL-3",
    "depends": ["beauty_salon", "hr_attendance"],
    "data": ["security/ir.model.access.csv"],
}
