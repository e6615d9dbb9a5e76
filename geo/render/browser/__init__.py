"""render/browser"""
