package org.edm.bench.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The HTML page parsed as XML by the JDK's parser, which proves it well formed (every element closed and nested,
 * every entity known), and lets tests find elements and read numbers out of attributes.
 */
final class XmlPage
{
    /** Attributes whose values are numbers or lists of numbers. */
    private static final Set<String> NUMERIC = Set.of(
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "points", "viewBox", "stroke-width");

    private final Document document;

    private XmlPage(final Document document)
    {
        this.document = document;
    }

    static XmlPage parse(final String html)
    {
        try
        {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new XmlPage(factory.newDocumentBuilder().parse(new InputSource(new StringReader(html))));
        }
        catch (final Exception ex)
        {
            throw new AssertionError("the page is not well-formed XML: " + ex.getMessage(), ex);
        }
    }

    /** The {@code svg} elements of a class ("cdf" or "load"). */
    List<Element> svgs(final String cssClass)
    {
        final List<Element> svgs = new ArrayList<>();
        for (final Element svg : elements(document.getDocumentElement(), "svg"))
        {
            if (svg.getAttribute("class").equals(cssClass))
            {
                svgs.add(svg);
            }
        }
        return svgs;
    }

    static List<Element> elements(final Element root, final String name)
    {
        final NodeList nodes = root.getElementsByTagName(name);
        final List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++)
        {
            elements.add((Element)nodes.item(i));
        }
        return elements;
    }

    List<Element> elements(final String name)
    {
        return elements(document.getDocumentElement(), name);
    }

    /** Every number in a coordinate-like attribute and in every transform, in document order. */
    List<String> numbers()
    {
        final List<String> numbers = new ArrayList<>();
        collect(document.getDocumentElement(), numbers);
        return numbers;
    }

    private static void collect(final Node node, final List<String> numbers)
    {
        if (node instanceof Element element)
        {
            final NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++)
            {
                final Node attribute = attributes.item(i);
                final String name = attribute.getNodeName();
                if (NUMERIC.contains(name) || name.equals("transform"))
                {
                    final String numbersOnly = name.equals("transform") ?
                        attribute.getNodeValue().replaceAll("[a-z()]", " ") : attribute.getNodeValue();
                    for (final String token : numbersOnly.trim().split("[\\s,]+"))
                    {
                        numbers.add(token);
                    }
                }
            }
        }
        final NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++)
        {
            collect(children.item(i), numbers);
        }
    }
}
