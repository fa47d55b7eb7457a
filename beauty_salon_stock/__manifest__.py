# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Beauty Salon Consumables",
    "summary": "Service cost cards, automatic write-off of consumables, actual vs norm, profitability",
    "version": "18.0.1.0.0",
    "category": "Inventory",
    "website": "https://github.com/beauty-salon-suite/odoo-beauty-salon",
    "author": "Beauty Salon Suite",
    "license": "LGPL-3",
    "depends": ["beauty_salon", "stock", "stock_account"],
    "data": ["security/ir.model.access.csv"],
}
